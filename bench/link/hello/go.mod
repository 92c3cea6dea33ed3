module hello

go 1.27
