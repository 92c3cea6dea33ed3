module example.com/a

go 1.22

require example.com/x v1.0.0

replace example.com/s => ../shared
