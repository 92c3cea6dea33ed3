package main

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type point struct{ x, y int }

func main() {
	var si Stack[int]
	for i := 0; i < 5; i++ {
		si.Push(i * i)
	}
	println(si.Len())
	for {
		v, ok := si.Pop()
		if !ok {
			break
		}
		print(v, " ")
	}
	println()
	ss := &Stack[string]{}
	ss.Push("a")
	ss.Push("b")
	v, _ := ss.Pop()
	println(v, ss.Len())
	sp := Stack[point]{}
	sp.Push(point{1, 2})
	p, ok := sp.Pop()
	println(p.x, p.y, ok)
	p, ok = sp.Pop()
	println(p.x, p.y, ok)
}
