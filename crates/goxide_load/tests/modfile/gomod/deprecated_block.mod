// Deprecated: in a block.
module (
	example.com/depblock
)

go 1.21
