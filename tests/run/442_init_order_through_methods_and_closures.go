package main

type T struct{}

func (T) M() int { return b + 1 }

var a = T{}.M()
var b = c * 2
var c = f()

var fm = T.M
var g = func() int { return d + 100 }()
var d = 5

var e, h = pair()

func pair() (int, int) { println("pair runs after a,b,c? c =", c); return c, c * 3 }

func f() int { println("f"); return 3 }

var arr = [3]int{k, k + 1, k + 2}
var k = len(s)
var s = "four"

var mp = map[string]int{"x": z}
var z = 9

var ptr = &w
var w = 11

func main() {
	println(a, b, c, fm(T{}), g, d, e, h)
	println(arr[2], k, mp["x"], *ptr)
}
