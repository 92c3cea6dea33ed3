package main

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) Push(v int) {
	l.head = &Node{v, l.head}
	l.size++
}

func (l *List) Reverse() {
	var prev *Node
	for cur := l.head; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev = cur
		cur = next
	}
	l.head = prev
}

func (l *List) Print() {
	for n := l.head; n != nil; n = n.Next {
		print(n.Val, " ")
	}
	println("size", l.size)
}

func main() {
	var l List
	l.Print()
	for i := 1; i <= 5; i++ {
		l.Push(i)
	}
	l.Print()
	l.Reverse()
	l.Print()
	for n := l.head; n != nil; n = n.Next {
		if n.Next != nil && n.Next.Val == 3 {
			n.Next = n.Next.Next
			l.size--
		}
	}
	l.Print()
}
