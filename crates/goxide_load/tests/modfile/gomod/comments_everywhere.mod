// c1
module example.com/comments // c2
// c3

// c4
go 1.20 // c5

require ( // c6
	// c7

	example.com/a v1.0.0 // c8

	// c9
) // c10
// c11
