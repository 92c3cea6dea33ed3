package main

type K struct {
	a int8
	b string
	c [2]int16
	d bool
}

type IK interface{}

func main() {
	m := map[K]int{}
	for i := 0; i < 50; i++ {
		k := K{int8(i % 5), string(rune('a' + i%3)), [2]int16{int16(i % 2), 0}, i%7 == 0}
		m[k] += i
	}
	println(len(m))
	println(m[K{0, "a", [2]int16{0, 0}, true}], m[K{1, "b", [2]int16{1, 0}, false}])
	am := map[[3]string]int{}
	am[[3]string{"a", "b", "c"}] = 1
	am[[3]string{"a", "bc", ""}] = 2
	am[[3]string{"ab", "c", ""}] = 3
	println(len(am), am[[3]string{"a", "b", "c"}], am[[3]string{"ab", "c", ""}])
	im := map[IK]string{}
	im[1] = "int"
	im[int8(1)] = "int8"
	im[uint(1)] = "uint"
	im["1"] = "string"
	im[1.0] = "float"
	im[[2]int{1, 1}] = "array"
	im[K{a: 1}] = "K"
	im[true] = "bool"
	im[nil] = "nil"
	println(len(im), im[1], im[int8(1)], im[uint(1)], im["1"], im[1.0], im[[2]int{1, 1}], im[K{a: 1}], im[true], im[nil])
	_, ok := im[int16(1)]
	println(ok)
	fm := map[float64]int{}
	var zero float64
	fm[zero] = 1
	fm[-zero] = 2
	println(len(fm), fm[0])
	cm := map[complex128]int{complex(0, 0): 1}
	cm[complex(-zero, -zero)]++
	println(len(cm), cm[0])
	em := map[struct{}]int{}
	em[struct{}{}]++
	em[struct{}{}]++
	println(len(em), em[struct{}{}])
	bm := map[[0]int]int{}
	bm[[0]int{}] = 5
	println(len(bm), bm[[0]int{}])
}
