module example.com/noncanon

require (
	example.com/a v1
	example.com/b v1.2
	example.com/c v1.2.3+meta
	example.com/d v2.0.0+incompatible
)

exclude example.com/a v1.0
