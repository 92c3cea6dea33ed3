package main

type Walker interface{ Walk() }

type Rock struct{}

func main() {
	var x interface{} = Rock{}
	w := x.(Walker)
	w.Walk()
}
