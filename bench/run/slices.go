// Benchmark loops over slices: a sieve of Eratosthenes over a []bool, then
// repeated sums over an []int with range and with an index, and a prefix
// sum written back in place (bounds checks on every access).
//
// Constructs: make([]T, n), indexing, range over a slice, append, len.
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

func sumRange(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func sumIndex(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t ^= s[i] * (i + 1)
	}
	return t
}

func prefix(s []int) {
	for i := 1; i < len(s); i++ {
		s[i] += s[i-1]
	}
}

func main() {
	primes := sieve(4_000_000)
	check := len(primes)
	work := make([]int, len(primes))
	for round := 0; round < 400; round++ {
		copy(work, primes)
		prefix(work)
		check += sumRange(work) + sumIndex(work)
	}
	println("slices", len(primes), primes[len(primes)-1], check)
}
