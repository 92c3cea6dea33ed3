package main

type Big struct{ a, b, c, d, e, f, g, h int }

func many(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 int, s0, s1, s2, s3 string, f0, f1, f2 float64, b Big, c complex128, u8 uint8, arr [5]int) (int, string, float64, Big, [5]int) {
	return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9, s0 + s1 + s2 + s3, f0 + f1 + f2, Big{b.h, b.g, b.f, b.e, b.d, b.c, b.b, b.a}, [5]int{arr[4], arr[3], arr[2], arr[1], arr[0]}
}

func main() {
	println(0, "s1", 2.5, int8(3), uint64(4)<<40, complex(5, -1), 6, "s7", 8.5, int8(9), uint64(10)<<40, complex(11, -1), 12, "s13", 14.5, int8(15), uint64(16)<<40, complex(17, -1), 18, "s19", 20.5, int8(21), uint64(22)<<40, complex(23, -1), 24, "s25", 26.5, int8(27), uint64(28)<<40, complex(29, -1), 30, "s31", 32.5, int8(33), uint64(34)<<40, complex(35, -1), 36, "s37", 38.5, int8(39), uint64(40)<<40, complex(41, -1), 42, "s43", 44.5, int8(45), uint64(46)<<40, complex(47, -1), 48, "s49", 50.5, int8(51), uint64(52)<<40, complex(53, -1), 54, "s55", 56.5, int8(57), uint64(58)<<40, complex(59, -1))
	n, s, f, b, a := many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "a", "b", "c", "d", 0.5, 0.25, 0.125, Big{1, 2, 3, 4, 5, 6, 7, 8}, complex(1, 2), 255, [5]int{1, 2, 3, 4, 5})
	println(n, s, f, b.a, b.h, a[0], a[4])
	g := many
	n2, _, _, b2, _ := g(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, "", "", "", "", 0, 0, 0, Big{h: 9}, 0, 0, [5]int{})
	println(n2, b2.a)
}
