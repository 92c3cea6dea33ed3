package main

func merge(a, b <-chan int) []int {
	var out []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			out = append(out, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

func gen(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	got := merge(gen(1, 3, 5), gen(2, 4))
	sum := 0
	for _, v := range got {
		sum += v
	}
	println(len(got), sum)
	var nc chan int
	select {
	case nc <- 1:
		println("sent to nil?")
	case <-nc:
		println("received from nil?")
	default:
		println("nil channels never ready")
	}
}
