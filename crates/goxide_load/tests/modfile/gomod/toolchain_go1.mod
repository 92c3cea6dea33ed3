module example.com/tc

go 1.9

toolchain go1
