package main

type queue struct{}

func (q queue) len() int { return 0 }

func (q *queue) len() int { return 1 }

func main() {
}
