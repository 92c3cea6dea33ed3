module example.com/gopkg

require (
	gopkg.in/yaml.v2 v2.4.0
	gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405
	gopkg.in/foo.v0 v0.1.0
	gopkg.in/bar.v3-unstable v3.0.0
)
