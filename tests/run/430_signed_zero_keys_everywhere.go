package main

type K struct {
	f float32
	c complex64
	s string
}

func main() {
	var zero float64
	nz := -zero
	var z32 float32
	nz32 := -z32
	m := map[any]int{}
	m[[2]float64{zero, 1}] = 1
	m[[2]float64{nz, 1}] += 10
	m[K{z32, complex(z32, nz32), "a"}] = 100
	m[K{nz32, complex(nz32, z32), "a"}] += 1000
	m[nz] = 5
	m[zero] += 5
	m[complex(nz, nz)] = 7
	m[complex(zero, zero)] += 7
	println(len(m), m[[2]float64{0, 1}], m[K{0, 0, "a"}], m[0.0], m[complex(0, 0)])
	km := map[K]bool{{nz32, 0, ""}: true}
	println(km[K{}], len(km))
	am := map[[3]float32]int{}
	am[[3]float32{nz32, nz32, nz32}] = 3
	println(am[[3]float32{}])
	for k := range am {
		println(1/k[0] < 0)
	}
	fm := map[float64]string{nz: "neg"}
	fm[zero] = "pos"
	for k, v := range fm {
		println(1/k < 0, v)
	}
}
