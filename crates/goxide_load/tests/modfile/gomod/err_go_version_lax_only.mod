module example.com/x

go v1.21
