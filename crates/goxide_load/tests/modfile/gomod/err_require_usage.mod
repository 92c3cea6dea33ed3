module example.com/x

require example.com/a
exclude example.com/a v1 v2
