module goxide.test/buildoracle

go 1.27
