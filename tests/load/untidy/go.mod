module example.com/untidy

go 1.16

require (
	example.com/dep v1.0.0
	example.com/other v0.2.0
)
