module example.com/dups

go 1.21

exclude (
	example.com/x v1.0.0
	example.com/x v1.0.0
	example.com/x v0.9.0
)

replace example.com/y => ./y1
replace example.com/y => ./y2
replace example.com/y v1.0.0 => ./y3

tool example.com/t
tool example.com/t

ignore a
ignore a
ignore b
