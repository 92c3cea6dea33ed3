module goxide.test/constantoracle

go 1.27
