module example.com/b

go 1.22

require example.com/y v1.0.0
