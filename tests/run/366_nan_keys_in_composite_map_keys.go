package main

type K struct {
	f float64
	s string
}

func main() {
	var zero float64
	nan := zero / zero
	m := map[[2]float64]int{}
	m[[2]float64{nan, 1}] = 1
	m[[2]float64{nan, 1}] = 2
	m[[2]float64{1, 1}] = 3
	m[[2]float64{1, 1}] = 4
	println(len(m), m[[2]float64{1, 1}])
	_, ok := m[[2]float64{nan, 1}]
	println(ok)
	km := map[K]int{}
	km[K{nan, "a"}]++
	km[K{nan, "a"}]++
	km[K{-zero, "a"}]++
	km[K{zero, "a"}]++
	println(len(km), km[K{0, "a"}])
	im := map[any]int{}
	im[nan] = 1
	im[nan] = 2
	im[[1]float64{nan}] = 3
	im[K{nan, ""}] = 4
	im[complex(nan, 0)] = 5
	println(len(im))
	cnt := 0
	for k, v := range im {
		_ = k
		cnt += v
	}
	println(cnt)
	delete(im, nan)
	println(len(im))
	clear(im)
	println(len(im))
	f32m := map[float32]string{}
	f32m[float32(nan)] = "x"
	f32m[float32(-zero)] = "negzero"
	f32m[0] = "zero"
	println(len(f32m), f32m[0])
}
