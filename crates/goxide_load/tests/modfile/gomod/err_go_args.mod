module example.com/x

go
