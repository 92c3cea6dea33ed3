module example.com/x

go 1.21
go 1.22
