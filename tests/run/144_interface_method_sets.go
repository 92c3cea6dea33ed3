package main

type Mover interface{ Move() string }

type Car struct{ name string }

func (c *Car) Move() string { return c.name + " drives" }

type Bike struct{ name string }

func (b Bike) Move() string { return b.name + " rolls" }

type Fleet struct {
	*Car
	Bike2 Bike
}

func main() {
	var m Mover = &Car{"car"}
	println(m.Move())
	m = Bike{"bike"}
	println(m.Move())
	m = &Bike{"pbike"}
	println(m.Move())
	f := Fleet{&Car{"fleetcar"}, Bike{"b"}}
	m = f
	println(m.Move())
	_, isMover := interface{}(Car{}).(Mover)
	_, ptrIsMover := interface{}(&Car{}).(Mover)
	println(isMover, ptrIsMover)
	movers := []Mover{&Car{"x"}, Bike{"y"}}
	for _, mv := range movers {
		switch v := mv.(type) {
		case *Car:
			println("car", v.name)
		case Bike:
			println("bike", v.name)
		}
	}
}
