package main

type Acc struct{ n int }

func (a Acc) Report(out chan<- int)    { out <- a.n }
func (a *Acc) PReport(out chan<- int)  { out <- a.n * 10 }

type Reporter interface{ Report(chan<- int) }

func Send[T any](out chan<- T, v T) { out <- v }

func main() {
	out := make(chan int, 10)
	a := Acc{1}
	go a.Report(out) // receiver copied now
	go a.PReport(out)
	a.n = 2
	x := <-out + <-out
	println(x == 11 || x == 21)
	var r Reporter = Acc{3}
	go r.Report(out)
	println(<-out)
	go Send(out, 42)
	println(<-out)
	strs := make(chan string, 1)
	go Send[string](strs, "generic")
	println(<-strs)
	f := func(a, b int) { out <- a * b }
	go f(6, 7)
	println(<-out)
	i := 5
	go func(v int) { out <- v }(i)
	i = 6
	println(<-out)
	done := make(chan bool)
	go close(done)
	_, ok := <-done
	println(ok)
	mv := Acc{9}.Report
	go mv(out)
	println(<-out)
}
