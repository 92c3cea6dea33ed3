module example.com/nosum

go 1.22

require example.com/dep v1.1.0
