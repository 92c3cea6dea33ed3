package main

type B struct {
	v    int64
	hist [4]int64
}

func (b B) Add(x int64) B { b.hist[b.v&3] = x; b.v += x; return b }
func (b B) Mul(x int64) B { b.v *= x; return b }
func (b B) Neg() B        { b.v = -b.v; return b }

type PB struct{ v int64 }

func (p *PB) Add(x int64) *PB { p.v += x; return p }
func (p *PB) Mul(x int64) *PB { p.v *= x; return p }
func (p *PB) Neg() *PB        { p.v = -p.v; return p }

func main() {
	b := B{}
	r := b.Neg().Add(1).Add(2).Mul(2).Add(4).Add(5).Neg().Add(0).Add(1).Mul(2).Add(3).Add(4).Neg().Add(6).Add(0).Mul(2).Add(2).Add(3).Neg().Add(5).Add(6).Mul(2).Add(1).Add(2).Neg().Add(4).Add(5).Mul(2).Add(0).Add(1).Neg().Add(3).Add(4).Mul(2).Add(6).Add(0).Neg().Add(2).Add(3).Mul(2).Add(5).Add(6).Neg().Add(1).Add(2).Mul(2).Add(4).Add(5).Neg().Add(0).Add(1).Mul(2).Add(3).Add(4).Neg().Add(6).Add(0).Mul(2).Add(2).Add(3).Neg().Add(5).Add(6).Mul(2).Add(1).Add(2).Neg().Add(4).Add(5).Mul(2).Add(0).Add(1).Neg().Add(3).Add(4).Mul(2).Add(6).Add(0).Neg().Add(2).Add(3).Mul(2).Add(5).Add(6).Neg().Add(1).Add(2).Mul(2).Add(4).Add(5).Neg().Add(0).Add(1).Mul(2).Add(3).Add(4).Neg().Add(6).Add(0).Mul(2).Add(2).Add(3).Neg().Add(5).Add(6).Mul(2).Add(1).Add(2).Neg().Add(4).Add(5).Mul(2).Add(0).Add(1).Neg().Add(3).Add(4).Mul(2).Add(6).Add(0)
	println(r.v, r.hist[0], r.hist[3], b.v)
	p := &PB{}
	p.Neg().Add(1).Add(2).Mul(2).Add(4).Add(5).Neg().Add(0).Add(1).Mul(2).Add(3).Add(4).Neg().Add(6).Add(0).Mul(2).Add(2).Add(3).Neg().Add(5).Add(6).Mul(2).Add(1).Add(2).Neg().Add(4).Add(5).Mul(2).Add(0).Add(1).Neg().Add(3).Add(4).Mul(2).Add(6).Add(0).Neg().Add(2).Add(3).Mul(2).Add(5).Add(6).Neg().Add(1).Add(2).Mul(2).Add(4).Add(5).Neg().Add(0).Add(1).Mul(2).Add(3).Add(4).Neg().Add(6).Add(0).Mul(2).Add(2).Add(3).Neg().Add(5).Add(6).Mul(2).Add(1).Add(2).Neg().Add(4).Add(5).Mul(2).Add(0).Add(1).Neg().Add(3).Add(4).Mul(2).Add(6).Add(0).Neg().Add(2).Add(3).Mul(2).Add(5).Add(6).Neg().Add(1).Add(2).Mul(2).Add(4).Add(5).Neg().Add(0).Add(1).Mul(2).Add(3).Add(4).Neg().Add(6).Add(0).Mul(2).Add(2).Add(3).Neg().Add(5).Add(6).Mul(2).Add(1).Add(2).Neg().Add(4).Add(5).Mul(2).Add(0).Add(1).Neg().Add(3).Add(4).Mul(2).Add(6).Add(0)
	println(p.v == r.v)
	x := ((((((((((1 + 2) * 3) - 4) / 5) % 6) << 7) >> 1) & 0xff) | 0x100) ^ 0x3)
	println(x)
}
