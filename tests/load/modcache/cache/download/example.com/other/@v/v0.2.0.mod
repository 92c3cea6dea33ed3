module example.com/other

go 1.17

require example.com/dep v1.1.0
