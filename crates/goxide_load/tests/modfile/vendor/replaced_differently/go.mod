module example.com/v

go 1.21

require example.com/a v1.0.0

replace example.com/a v1.0.0 => example.com/fork v1.0.1
replace example.com/z => /abs/z
