// The project is a repository of its own, as on a developer's machine: report paths start at it.
new File(basedir, '.git').mkdirs()
return true
