package main

type runner interface{ Run() }

type job struct{}

func (j job) run() {}

func main() {
	var r runner = job{}
	_ = r
}
