new File(basedir, '.git').mkdirs()
return true
