package main

type ParseError struct {
	Line int
}

func (p ParseError) Error() string {
	return "parse error on line " + string(rune('0'+p.Line))
}

func parse(lines []string) {
	for i, l := range lines {
		if l == "" {
			panic(ParseError{i + 1})
		}
	}
}

func main() {
	defer println("deferred before crash")
	parse([]string{"a", "b", ""})
}
