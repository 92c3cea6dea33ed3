package main

func main() {
	base := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s := base[2:4:6]
	println(len(s), cap(s), s[0], s[1])
	s = append(s, 100)
	println("shared:", base[4])
	s = append(s, 101)
	s = append(s, 102)
	println("after growth:", base[5], base[6], len(s))
	t := base[3:3:3]
	println(len(t), cap(t))
	t = append(t, -1)
	println(base[3], t[0])
	arr := [5]string{"a", "b", "c", "d", "e"}
	u := arr[1:2:3]
	println(len(u), cap(u))
	u = u[:cap(u)]
	println(u[1])
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	hi := 11
	_ = base[1:2:hi]
}
