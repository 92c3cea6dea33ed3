module example.com/x

replace example.com/a
replace example.com/a v1.0.0 =>
replace example.com/a => b c d
