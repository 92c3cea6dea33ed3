module example.com/badmod

go 1.22

require (
	example.com/x v1.0.0
	frobnicate
)

bogus directive
