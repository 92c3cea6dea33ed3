package main

type MyErr struct {
	Code int
	Msg  string
}

func (e *MyErr) Error() string {
	return "myerr " + e.Msg
}

func work() error {
	return &MyErr{3, "disk full"}
}

func main() {
	if err := work(); err != nil {
		println("got:", err.Error())
		panic(err)
	}
}
