package main

type stack struct{}

func (s *stack) push(v int) {}

func main() {
	var s stack
	s.push()
}
