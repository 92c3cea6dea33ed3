package main

type Shower interface{ Show() string }

type A int

func (a A) Show() string { return "A" + string(rune('0'+a)) }

type B struct{ s string }

func (b *B) Show() string { return "B:" + b.s }

func Each[T Shower](xs []T) string {
	out := ""
	for _, x := range xs {
		f := x.Show
		out += f() + " "
	}
	return out
}

func Apply[T Shower](x T, fs ...func(T) string) string {
	s := x.Show()
	for _, f := range fs {
		s += "|" + f(x)
	}
	return s
}

func PtrShow[T any, P interface {
	*T
	Shower
}](v T) string {
	p := P(&v)
	return p.Show()
}

func main() {
	println(Each([]A{1, 2, 3}))
	println(Each([]*B{{"x"}, {"y"}}))
	println(Apply(A(5), A.Show, func(a A) string { return "lit" }))
	println(Apply(&B{"q"}, (*B).Show))
	println(PtrShow(B{"via ptr"}))
	var sh Shower = A(7)
	println(Apply(sh, Shower.Show))
}
