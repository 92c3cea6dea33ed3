package main

var log []string

func step(name string) {
	log = append(log, name)
}

func risky(a []int, i int) int {
	defer step("risky defer")
	step("risky start")
	return a[i]
}

func main() {
	defer func() {
		r := recover()
		step("main recovered")
		for _, l := range log {
			println(l)
		}
		println(r.(error).Error())
	}()
	risky([]int{1}, 0)
	risky([]int{1}, 3)
	step("not reached")
}
