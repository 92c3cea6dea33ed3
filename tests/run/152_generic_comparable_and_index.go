package main

func Index[T comparable](s []T, v T) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func Dedup[T comparable](s []T) []T {
	seen := map[T]bool{}
	var out []T
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

type pt struct{ x, y int }

func main() {
	println(Index([]int{5, 6, 7}, 7), Index([]string{"a"}, "b"))
	println(Index([]pt{{1, 2}, {3, 4}}, pt{3, 4}))
	var ifs = []any{1, "x", 2.5}
	println(Index(ifs, any("x")), Index(ifs, any(2)))
	d := Dedup([]int{3, 1, 3, 2, 1, 3})
	for _, v := range d {
		print(v, " ")
	}
	println()
	ds := Dedup([]string{"b", "a", "b"})
	println(len(ds), ds[0], ds[1])
}
