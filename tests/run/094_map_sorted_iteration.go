package main

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func main() {
	ages := map[string]int{"carol": 35, "alice": 30, "bob": 25, "dave": 40, "eve": 22}
	var keys []string
	for k := range ages {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		println(k, ages[k])
	}
	sum := 0
	for _, v := range ages {
		sum += v
	}
	println("sum:", sum)
	count := 0
	for k, v := range ages {
		if ages[k] != v {
			println("mismatch")
		}
		count++
	}
	println("count:", count)
}
