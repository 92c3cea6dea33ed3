package main

type Num interface{ ~int | ~float64 }

func Gen[T any](xs ...T) <-chan T {
	c := make(chan T)
	go func() {
		defer close(c)
		for _, x := range xs {
			c <- x
		}
	}()
	return c
}

func MapC[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	done := make(chan struct{})
	for _, c := range cs {
		go func(c <-chan T) {
			for v := range c {
				out <- v
			}
			done <- struct{}{}
		}(c)
	}
	go func() {
		for range cs {
			<-done
		}
		close(out)
	}()
	return out
}

func SumC[T Num](c <-chan T) T {
	var s T
	for v := range c {
		s += v
	}
	return s
}

type Counter[T comparable] struct {
	counts map[T]int
}

func (c *Counter[T]) Add(v T) { c.counts[v]++ }

func main() {
	sq := MapC(Gen(1, 2, 3, 4), func(x int) int { return x * x })
	println(SumC(sq))
	halves := MapC(Gen(1.0, 3.0), func(x float64) float64 { return x / 2 })
	println(SumC(halves))
	total := SumC(Merge(Gen(1, 2), Gen(10, 20), Gen(100)))
	println(total)
	c := &Counter[string]{counts: map[string]int{}}
	add := c.Add
	for w := range MapC(Gen("a", "bb", "a"), func(s string) string { return s + "!" }) {
		add(w)
	}
	println(c.counts["a!"], c.counts["bb!"], len(c.counts))
	sel := func(a, b <-chan int) int {
		n := 0
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				n += v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				n += v * 1000
			}
		}
		return n
	}
	println(sel(Gen(1, 2, 3), Gen(4, 5)))
}
