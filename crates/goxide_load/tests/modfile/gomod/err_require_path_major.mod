module example.com/x

require (
	example.com/a/v2 v1.0.0
	example.com/b v2.0.0
	gopkg.in/c.v2 v3.0.0
	example.com/d/v1 v1.0.0
	gopkg.in/e v1.0.0
)
