package main

func main() {
	print("a", "b", "c", "\n")
	print(1, 2, 3, "\n")
	print("x", 1, "y", 2, "\n")
	println("x", 1, "y", 2)
	print(true, false, "\n")
	println(true, "", false)
	print(-1, -2, "\n")
	print(1.5, 2.5, "\n")
	for i := 0; i < 3; i++ {
		print(i)
	}
	print("\n")
	println("", "")
	println()
	print("")
	println("end")
}
