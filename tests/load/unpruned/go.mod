module example.com/unpruned

go 1.16

require (
	example.com/dep v1.1.0
	example.com/other v0.2.0
)
