module goxide.test/goastdump

go 1.27
