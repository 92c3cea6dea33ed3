package main

type T struct{ v int }

func (t T) Show() int { return t.v }
func (t *T) PShow() int { return t.v }

func main() {
	t := T{1}
	f := t.Show
	g := t.PShow
	t.v = 2
	println(f(), g())
	var fs []func() int
	items := []T{{10}, {20}, {30}}
	for _, it := range items {
		fs = append(fs, it.Show)
	}
	for i := range items {
		items[i].v++
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	var ps []func() int
	for i := range items {
		ps = append(ps, items[i].PShow)
	}
	items[0].v = 99
	for _, f := range ps {
		print(f(), " ")
	}
	println()
}
