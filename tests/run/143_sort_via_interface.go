package main

type Sortable interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func sortIt(s Sortable) {
	for i := 1; i < s.Len(); i++ {
		for j := i; j > 0 && s.Less(j, j-1); j-- {
			s.Swap(j, j-1)
		}
	}
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) || (len(b[i]) == len(b[j]) && b[i] < b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type person struct {
	name string
	age  int
}

type byAge []person

func (b byAge) Len() int           { return len(b) }
func (b byAge) Less(i, j int) bool { return b[i].age < b[j].age }
func (b byAge) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	words := []string{"banana", "kiwi", "apple", "fig", "cherry", "date"}
	sortIt(byLen(words))
	for _, w := range words {
		print(w, " ")
	}
	println()
	people := []person{{"a", 40}, {"b", 20}, {"c", 30}, {"d", 20}}
	sortIt(byAge(people))
	for _, p := range people {
		print(p.name, p.age, " ")
	}
	println()
}
