package main

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	out := ""
	for i, c := range "rwx" {
		if p&(1<<i) != 0 {
			out += string(c)
		} else {
			out += "-"
		}
	}
	return out
}

const (
	_  = iota
	A1 = iota * 10
	_
	A3
	A4 = "str"
	A5
	A6 = iota
)

const (
	x0, y0 = iota, -iota
	x1, y1
	x2, y2
)

func main() {
	println(Read, Write, Exec, Read|Exec)
	println((Read | Write).String(), Exec.String(), Perm(0).String(), (Read | Write | Exec).String())
	println(A1, A3, A4, A5, A6)
	println(x0, y0, x1, y1, x2, y2)
	const huge = 1 << 62
	println(huge>>60, huge/(1<<61))
}
