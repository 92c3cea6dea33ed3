module example.com/x
foo bar
require example.com/a v1.0.0
bar
