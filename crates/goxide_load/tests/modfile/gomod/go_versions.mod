module example.com/gover

go 1.21rc1

toolchain default
