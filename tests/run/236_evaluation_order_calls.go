package main

var trace []string

func t(name string, v int) int {
	trace = append(trace, name)
	return v
}

func pair(a, b int) int { return a*10 + b }

func main() {
	r := pair(t("a", 1), t("b", 2)) + t("c", 3)
	println(r)
	arr := []int{0, 0, 0}
	arr[t("idx", 1)] = t("val", 7)
	println(arr[1])
	m := map[int]int{t("k1", 1): t("v1", 1), t("k2", 2): t("v2", 2)}
	println(len(m))
	if t("l", 0) == 1 && t("never", 1) == 1 {
		println("no")
	}
	if t("l2", 1) == 1 || t("never2", 1) == 1 {
		println("short circuit")
	}
	for _, s := range trace {
		print(s, " ")
	}
	println()
}
