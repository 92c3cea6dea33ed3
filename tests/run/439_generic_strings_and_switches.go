package main

type Name string

func Runes[S ~string](s S) (n int, last rune) {
	for _, r := range s {
		n++
		last = r
	}
	return
}

func FirstByte[S ~string | ~[]byte](s S) byte { return s[0] }

func Concat[S ~string](xs ...S) S {
	var out S
	for _, x := range xs {
		out += x
	}
	return out
}

func Kind[T comparable](x T) string {
	switch x {
	case *new(T):
		return "zero"
	}
	return "nonzero"
}

func Is1[T int | float64](x T) bool {
	switch x {
	case 1:
		return true
	}
	return false
}

func main() {
	println(Runes("héllo"))
	println(Runes(Name("日本")))
	println(FirstByte("abc"), FirstByte([]byte{9}), FirstByte(Name("N")))
	println(Concat[Name]("a", "b", "c"), len(Concat("x", "yz")))
	println(Kind(0), Kind(""), Kind(Name("n")), Kind[any](nil), Kind[any](0), Kind(1.5))
	println(Is1(1), Is1(1.0), Is1(2.0))
	defer func() { println("recovered:", recover().(error).Error()) }()
	println(Kind[any]([]int{}))
}
