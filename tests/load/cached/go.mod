module example.com/cached

go 1.22

require (
	example.com/Upper v1.0.0
	example.com/dep v1.1.0
	example.com/other v0.2.0
)
