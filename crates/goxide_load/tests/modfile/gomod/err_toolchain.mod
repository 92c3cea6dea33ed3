module example.com/x

toolchain go1.21.0
toolchain go1.22.0
toolchain
toolchain 1.21
