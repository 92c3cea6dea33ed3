package main

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	println(gcd(48, 18), gcd(17, 5), gcd(0, 9))
	count := 0
	for i := 0; i < 1000; i++ {
		if isPrime(i) {
			count++
		}
	}
	println("primes below 1000:", count)
	for i := 90; i < 110; i++ {
		if isPrime(i) {
			print(i, " ")
		}
	}
	println()
}
