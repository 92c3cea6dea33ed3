module example.com/win

replace example.com/a => C:/src/a
replace example.com/b => .
replace example.com/c => ..
