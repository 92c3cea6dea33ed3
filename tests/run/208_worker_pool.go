package main

func worker(id int, jobs <-chan int, results chan<- [2]int) {
	for j := range jobs {
		results <- [2]int{j, j * j}
	}
	_ = id
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan [2]int, 100)
	for w := 1; w <= 4; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 20; j++ {
		jobs <- j
	}
	close(jobs)
	squares := make([]int, 21)
	for i := 0; i < 20; i++ {
		r := <-results
		squares[r[0]] = r[1]
	}
	for i := 1; i <= 20; i++ {
		print(squares[i], " ")
	}
	println()
}
