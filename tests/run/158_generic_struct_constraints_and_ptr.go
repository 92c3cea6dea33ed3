package main

type Resetter[T any] interface {
	*T
	Reset()
}

type counter struct{ n int }

func (c *counter) Reset() { c.n = 0 }

type buffer struct{ data []byte }

func (b *buffer) Reset() { b.data = b.data[:0] }

func ResetAll[T any, PT Resetter[T]](xs []T) {
	for i := range xs {
		PT(&xs[i]).Reset()
	}
}

func NewReset[T any, PT Resetter[T]]() T {
	var v T
	PT(&v).Reset()
	return v
}

func main() {
	cs := []counter{{1}, {2}, {3}}
	ResetAll(cs)
	println(cs[0].n, cs[1].n, cs[2].n)
	bs := []buffer{{[]byte("abc")}}
	ResetAll(bs)
	println(len(bs[0].data), cap(bs[0].data))
	c := NewReset[counter]()
	println(c.n)
}
