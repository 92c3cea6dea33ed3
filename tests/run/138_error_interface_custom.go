package main

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Wrapped struct {
	Op  string
	Err error
}

func (w *Wrapped) Error() string { return w.Op + ": " + w.Err.Error() }
func (w *Wrapped) Unwrap() error { return w.Err }

func find(m map[string]int, k string) (int, error) {
	if v, ok := m[k]; ok {
		return v, nil
	}
	return 0, &Wrapped{"find", NotFound{k}}
}

func root(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func main() {
	m := map[string]int{"a": 1}
	if v, err := find(m, "a"); err == nil {
		println("found", v)
	}
	_, err := find(m, "zz")
	println(err.Error())
	r := root(err)
	println(r.Error())
	nf, ok := r.(NotFound)
	println(ok, nf.Key)
	println(r == NotFound{"zz"}, r == error(NotFound{"yy"}))
}
