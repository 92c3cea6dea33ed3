package main

type E struct{}

func main() {
	a := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	s := a[2:4:6]
	println(len(s), cap(s), s[0], s[1])
	s = s[:cap(s)]
	println(len(s), s[3])
	t := s[1:2:2]
	println(len(t), cap(t))
	t = t[:0:0]
	println(len(t), cap(t))
	str := "hello"
	println(str[1:3], str[:0] == "", str[5:] == "", len(str[2:]))
	var z [0]int
	zs := z[:]
	println(len(zs), cap(zs), len(z))
	var zz [0][1 << 20]byte
	println(len(zz))
	var e1, e2 E
	println(e1 == e2)
	es := make([]E, 1000)
	println(len(es), cap(es))
	es = append(es, E{})
	println(len(es))
	var ea [5]struct{}
	println(len(ea), ea[4] == struct{}{})
	m := map[E][0]int{}
	m[E{}] = [0]int{}
	println(len(m))
	defer func() {
		println(recover().(error).Error())
		defer func() {
			println(recover().(error).Error())
			defer func() {
				println(recover().(error).Error())
			}()
			i, j, k := 1, 3, 2
			_ = a[i:j:k]
		}()
		i := 9
		_ = a[:i]
	}()
	k := 7
	_ = s[:2:k]
}
