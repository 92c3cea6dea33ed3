package main

type Node struct {
	Val  int
	Next *Node
}

func length(n *Node) int {
	c := 0
	for ; n != nil; n = n.Next {
		c++
	}
	return c
}

func secondVal(n *Node) int {
	return n.Next.Val
}

func main() {
	list := &Node{1, &Node{2, nil}}
	println("length:", length(list))
	println("second:", secondVal(list))
	single := &Node{Val: 7}
	println("length:", length(single))
	println("second:", secondVal(single))
	println("unreachable")
}
