package main

func main() {
	s := "tab\there\nnewline \"quoted\" \\ back \x41\101\u00e9\U0001F600"
	println(s)
	println(len(s))
	r := `raw \n string with "quotes" and \t`
	println(r, len(r))
	multi := `line1
line2`
	println(multi, len(multi))
	println('\n', '\'', '\\', '\x7f', '\u12e4')
	println(len("\000\377"), "\a\b\f\v"[2])
}
