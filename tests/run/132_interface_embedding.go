package main

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type ReadWriter interface {
	Reader
	Writer
}

type buffer struct{ data []string }

func (b *buffer) Read() string {
	if len(b.data) == 0 {
		return "<empty>"
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

func pump(r Reader, w Writer, n int) {
	for i := 0; i < n; i++ {
		w.Write(r.Read())
	}
}

func main() {
	var rw ReadWriter = &buffer{}
	println(rw.Write("hello"), rw.Write("go"))
	var r Reader = rw
	var w Writer = rw
	println(r.Read())
	w.Write("again")
	other := &buffer{}
	pump(rw, other, 3)
	println(other.Read(), other.Read(), other.Read(), other.Read())
	rw2, ok := r.(ReadWriter)
	println(ok, rw2 == rw)
}
