package main

func t(name string) bool {
	print(name, " ")
	return true
}

func f(name string) bool {
	print(name, " ")
	return false
}

func main() {
	println(t("a") && f("b") && t("c"))
	println(f("a") && t("b"))
	println(t("a") || t("b"))
	println(f("a") || f("b") || t("c"))
	println(!t("x"), !f("y"))
	x := 5
	println(x > 3 && x < 10, x < 3 || x == 5)
}
