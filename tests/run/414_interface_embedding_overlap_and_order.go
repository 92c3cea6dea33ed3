package main

type Reader interface {
	Read() string
	Close() error
}

type Writer interface {
	Write(s string) int
	Close() error
}

type ReadWriter interface {
	Reader
	Writer
	Zeta() int
	alpha() string
}

type File struct {
	name string
	data []string
}

func (f *File) Read() string {
	if len(f.data) == 0 {
		return ""
	}
	s := f.data[0]
	f.data = f.data[1:]
	return s
}
func (f *File) Write(s string) int { f.data = append(f.data, s); return len(s) }
func (f *File) Close() error      { return nil }
func (f *File) Zeta() int          { return len(f.data) }
func (f *File) alpha() string      { return "alpha:" + f.name }

type Node interface {
	Name() string
	Children() []Node
}

type dir struct {
	name string
	kids []Node
}

func (d dir) Name() string      { return d.name }
func (d dir) Children() []Node  { return d.kids }

func count(n Node) int {
	c := 1
	for _, k := range n.Children() {
		c += count(k)
	}
	return c
}

func main() {
	f := &File{name: "f"}
	var rw ReadWriter = f
	println(rw.Write("hello"), rw.Write("x"), rw.Zeta(), rw.alpha())
	var r Reader = rw
	var w Writer = rw
	println(r.Read(), w.Close() == nil, rw.Zeta())
	r2, ok := w.(Reader)
	println(ok, r2.Read(), rw.Zeta())
	_, ok = r.(interface{ Missing() })
	println(ok)
	closers := []interface{ Close() error }{r, w, rw, f}
	n := 0
	for _, c := range closers {
		if c.Close() == nil {
			n++
		}
	}
	println(n)
	tree := dir{"root", []Node{dir{"a", nil}, dir{"b", []Node{dir{"c", nil}, dir{"d", nil}}}}}
	println(count(tree), tree.Children()[1].Children()[0].Name())
	m := ReadWriter.alpha
	println(m(f))
	z := (interface {
		Zeta() int
		Close() error
	}).Zeta
	println(z(f))
}
