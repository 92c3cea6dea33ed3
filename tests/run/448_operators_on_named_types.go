package main

type U8 uint8
type Ptr uintptr
type C64 complex64
type F32 float32
type S string
type B bool
type R rune

func main() {
	var a, b U8 = 200, 7
	println(a+b, a-b, a*b, a/b, a%b, a&b, a|b, a^b, a&^b, a<<1, a>>1, ^a, -a, a < b, a == b)
	a &^= b
	a <<= 2
	println(a)
	var p, q Ptr = 1 << 63, 3
	println(p+q, p-q, p*q, p/q, p%q, ^p, p>>62, p < q)
	var c, d C64 = complex(1, 2), complex(3, -4)
	println(c+d, c-d, c*d, c/d, -c, c == d, c != d)
	var f, g F32 = 1.5, 0.1
	println(f+g, f-g, f*g, f/g, -f, f < g, f >= g)
	f /= 3
	println(f)
	var s, t S = "ab", "b"
	println(s+t, s < t, s > t, s <= t, s == "ab", len(s+t))
	s += "!"
	println(s)
	var x, y B = true, false
	println(x && y, x || y, !x, x == y, x != y)
	var r R = 'a'
	r += 2
	println(r, string(r), r%2, -r)
	type Arr [2]U8
	var m, n Arr = Arr{1, 2}, Arr{1, 2}
	println(m == n, m != n)
}
