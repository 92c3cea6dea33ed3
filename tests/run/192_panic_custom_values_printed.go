package main

type Temp float64
type Name string
type Flag bool

func crash(v interface{}) {
	defer func() {
		r := recover()
		switch x := r.(type) {
		case Temp:
			println("Temp", float64(x))
		case Name:
			println("Name", string(x))
		case Flag:
			println("Flag", bool(x))
		case error:
			println("error", x.Error())
		default:
			println("other")
		}
	}()
	panic(v)
}

func main() {
	crash(Temp(36.6))
	crash(Name("x"))
	crash(Flag(true))
	crash([]int{1})
	var zero int
	crash(func() int { return 1 / zero }())
}
