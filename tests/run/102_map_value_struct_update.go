package main

type account struct {
	owner   string
	balance int
}

func main() {
	accts := map[int]account{1: {"ann", 100}, 2: {"ben", 50}}
	a := accts[1]
	a.balance += 25
	println(accts[1].balance, a.balance)
	accts[1] = a
	println(accts[1].balance)
	ptrs := map[int]*account{1: {"cat", 10}}
	ptrs[1].balance *= 3
	println(ptrs[1].balance)
	counts := map[string][2]int{}
	arr := counts["x"]
	arr[1] = 9
	counts["x"] = arr
	println(counts["x"][1], counts["x"][0])
	type tally struct{ n int }
	tm := map[string]*tally{}
	for _, w := range []string{"a", "b", "a", "a"} {
		if tm[w] == nil {
			tm[w] = &tally{}
		}
		tm[w].n++
	}
	println(tm["a"].n, tm["b"].n)
}
