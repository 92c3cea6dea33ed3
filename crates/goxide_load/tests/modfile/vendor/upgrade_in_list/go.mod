module example.com/v

go 1.22

require example.com/a v1.2.0
