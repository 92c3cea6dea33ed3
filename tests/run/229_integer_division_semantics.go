package main

func main() {
	nums := []int{7, -7, 6, -6, 0}
	dens := []int{2, -2, 3, -3, 1}
	for _, n := range nums {
		for _, d := range dens {
			print(n/d, ",", n%d, " ")
		}
		println()
	}
	var mn int64 = -9223372036854775808
	var m1 int64 = -1
	println(mn/m1, mn%m1)
	var mn8 int8 = -128
	var m18 int8 = -1
	println(mn8/m18, mn8%m18)
	var u uint32 = 7
	println(u/2, u%2, -u/2)
	x := 17
	x /= 3
	println(x)
	x %= 4
	println(x)
	pow := 1
	for i := 0; i < 10; i++ {
		pow *= 3
	}
	println(pow, pow/7, pow%7)
}
