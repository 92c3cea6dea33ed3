package main

func main() {
	print("a", "b")
	print(1, 2, true, false)
	print("\n")
	println("a", "b", 1, 2, true)
	println()
	print()
	println("x", "", "y")
	print(-5, "\n")
}
