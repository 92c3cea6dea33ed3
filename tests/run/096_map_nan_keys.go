package main

func main() {
	var z float64
	nan := z / z
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	m[nan] = 3
	println("len:", len(m))
	_, ok := m[nan]
	println("lookup NaN:", ok)
	delete(m, nan)
	println("len after delete:", len(m))
	total := 0
	nans := 0
	for k, v := range m {
		if k != k {
			nans++
		}
		total += v
	}
	println("nans:", nans, "total:", total)
	m[0] = 10
	nz := -z
	m[nz] = 20
	println("zero keys:", len(m), m[0])
	clear(m)
	println("after clear:", len(m))
	var ik interface{} = nan
	im := map[interface{}]int{ik: 1}
	im[ik] = 2
	println("interface nan keys:", len(im))
}
