package main

func main() {
	v1 := 1
	v2 := 2
	v3 := 3
	v4 := 4
	v5 := 5
	v6 := 6
	v7 := 7
	v8 := 8
	v9 := 9
	v10 := 10
	v11 := 11
}
