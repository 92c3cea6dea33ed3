package main

type Header struct {
	ID    int64
	Flags uint32
	Name  string
}

type Packet struct {
	Hdr  *Header
	Body []byte
}

func describe(p *Packet) {
	println("flags:", p.Hdr.Flags)
	println("name:", p.Hdr.Name)
}

func main() {
	good := &Packet{Hdr: &Header{ID: 1, Flags: 3, Name: "ok"}}
	describe(good)
	bad := &Packet{Body: []byte("payload")}
	println("body len:", len(bad.Body))
	describe(bad)
}
