module example.com/implicit

go 1.22

require example.com/other v0.2.0
