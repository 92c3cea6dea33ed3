package main

type Expr interface{ Eval() int }

type Num int
type Add struct{ L, R Expr }
type Mul struct{ L, R Expr }
type Neg struct{ E Expr }

func (n Num) Eval() int { return int(n) }
func (a Add) Eval() int { return a.L.Eval() + a.R.Eval() }
func (m Mul) Eval() int { return m.L.Eval() * m.R.Eval() }
func (n Neg) Eval() int { return -n.E.Eval() }

func depth(e Expr) int {
	switch v := e.(type) {
	case Add:
		return 1 + max(depth(v.L), depth(v.R))
	case Mul:
		return 1 + max(depth(v.L), depth(v.R))
	case Neg:
		return 1 + depth(v.E)
	}
	return 1
}

func main() {
	e := Add{Mul{Num(3), Num(4)}, Neg{Add{Num(1), Num(2)}}}
	println(e.Eval(), depth(e))
	var big Expr = Num(1)
	for i := 0; i < 20; i++ {
		big = Add{big, Num(i)}
	}
	println(big.Eval(), depth(big))
}
