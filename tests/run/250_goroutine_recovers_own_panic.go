package main

type result struct {
	id  int
	msg string
}

func worker(id int, out chan<- result) {
	defer func() {
		if r := recover(); r != nil {
			var msg string
			switch v := r.(type) {
			case error:
				msg = v.Error()
			case string:
				msg = v
			}
			out <- result{id, "recovered: " + msg}
		}
	}()
	switch id {
	case 0:
		var m map[string]int
		m["x"] = 1
	case 1:
		s := []int{1}
		_ = s[id+1]
	case 2:
		panic("explicit")
	}
	out <- result{id, "ok"}
}

func main() {
	out := make(chan result)
	for i := 0; i < 4; i++ {
		go worker(i, out)
	}
	msgs := make([]string, 4)
	for i := 0; i < 4; i++ {
		r := <-out
		msgs[r.id] = r.msg
	}
	for i, m := range msgs {
		println(i, m)
	}
}
