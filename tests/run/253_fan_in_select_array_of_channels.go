package main

func main() {
	var chans [4]chan int
	for i := range chans {
		chans[i] = make(chan int)
		go func(c chan<- int, base int) {
			for j := 0; j < 5; j++ {
				c <- base*10 + j
			}
			close(c)
		}(chans[i], i)
	}
	open := len(chans)
	sums := [4]int{}
	counts := [4]int{}
	for open > 0 {
		select {
		case v, ok := <-chans[0]:
			open -= record(0, v, ok, &sums, &counts, &chans)
		case v, ok := <-chans[1]:
			open -= record(1, v, ok, &sums, &counts, &chans)
		case v, ok := <-chans[2]:
			open -= record(2, v, ok, &sums, &counts, &chans)
		case v, ok := <-chans[3]:
			open -= record(3, v, ok, &sums, &counts, &chans)
		}
	}
	for i := range sums {
		println(i, counts[i], sums[i])
	}
}

func record(i, v int, ok bool, sums, counts *[4]int, chans *[4]chan int) int {
	if !ok {
		chans[i] = nil
		return 1
	}
	sums[i] += v
	counts[i]++
	return 0
}
