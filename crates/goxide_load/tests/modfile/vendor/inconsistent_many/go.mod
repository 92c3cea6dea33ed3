module example.com/v

go 1.22

require (
	example.com/a v1.0.0
	example.com/b v1.1.0
)

replace example.com/b => ../b
replace example.com/c v1.0.0 => example.com/d v1.0.0
