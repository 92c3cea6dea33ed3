module example.com/v

require example.com/a v1.0.0
