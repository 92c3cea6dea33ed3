// Leading comment block.

// Deprecated: use example.com/new instead.
module example.com/every

go 1.23.0

toolchain go1.23.4

godebug asynctimerchan=1

godebug (
	default=go1.21
	panicnil=1 // trailing
)

require (
	example.com/a v1.2.3
	example.com/b v0.0.0-20200101000000-abcdefabcdef // indirect
	example.com/c/v2 v2.0.1
	example.com/d v4.0.0+incompatible // indirect; keep
)

require example.com/single v1.0.0 // indirect

exclude example.com/a v1.2.2

exclude (
	example.com/b v0.1.0
	example.com/c/v2 v2.0.0
)

replace example.com/a v1.2.3 => example.com/fork v1.2.4

replace (
	example.com/b => ../b
	example.com/c/v2 v2.0.1 => /abs/c
	example.com/e => ./e
)

retract v1.0.0 // Published accidentally.

retract (
	// Security problem.
	[v1.1.0, v1.1.5]
	v1.2.0 // Broken build.
)

tool example.com/a/cmd/tool

tool (
	example.com/b/cmd/x
	example.com/b/cmd/y
)

ignore ./node_modules

ignore (
	static
	"./dir with space"
)
