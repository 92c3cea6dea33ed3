package main

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func main() {
	p := sieve(100000)
	println(len(p), p[0], p[len(p)-1])
	var grid [64][64]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = (i * j) % 7
		}
	}
	sum := 0
	for _, row := range grid {
		for _, v := range row {
			sum += v
		}
	}
	println(sum)
	var counts [10]int
	for _, x := range p {
		counts[x%10]++
	}
	for d, c := range counts {
		if c > 0 {
			print(d, ":", c, " ")
		}
	}
	println()
}
