module example.com/v

go 1.13

require (
	example.com/a v1.0.0
	example.com/b v1.0.0
)

replace example.com/b => ./b
replace example.com/a v1.0.0 => ./a
