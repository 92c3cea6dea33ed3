module goxide.bench/goparse

go 1.27
