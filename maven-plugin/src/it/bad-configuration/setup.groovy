new File(basedir, '.git').mkdirs()
// A binary file given as the baseline (a zip, say): bytes that are not UTF-8.
new File(basedir, 'binary-baseline.bin').bytes = [0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x01] as byte[]
return true
