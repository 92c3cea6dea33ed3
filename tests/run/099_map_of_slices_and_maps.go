package main

func main() {
	groups := map[string][]int{}
	for i := 0; i < 10; i++ {
		k := "odd"
		if i%2 == 0 {
			k = "even"
		}
		groups[k] = append(groups[k], i)
	}
	println(len(groups["even"]), len(groups["odd"]), groups["odd"][4])
	nested := map[string]map[string]int{}
	add := func(a, b string) {
		inner, ok := nested[a]
		if !ok {
			inner = map[string]int{}
			nested[a] = inner
		}
		inner[b]++
	}
	add("x", "y")
	add("x", "y")
	add("x", "z")
	add("w", "y")
	println(len(nested), len(nested["x"]), nested["x"]["y"], nested["w"]["y"], nested["q"]["y"])
	inner := nested["x"]
	inner["new"] = 5
	println(nested["x"]["new"])
	var sm map[string][]int
	println(len(sm["nothing"]))
}
