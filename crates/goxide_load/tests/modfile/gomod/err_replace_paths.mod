module example.com/x

replace (
	example.com/a => example.com/b
	example.com/c => example.com/d@v1.0.0
	example.com/e => ..\\f
	example.com/g => ./h v1.0.0
	example.com/i/v1 => ./j
	example.com/k v2.0.0 => ./l
	example.com/m v1.0.0 => example.com/n latest
)
