module example.com/repl

replace (
	example.com/a v1.0.0 => example.com/b v1.1.0
	example.com/c => example.com/d v0.0.0-20200101000000-abcdefabcdef
	example.com/e v1 => example.com/f v2.0.0+incompatible
)
