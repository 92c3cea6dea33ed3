package main

type reader interface{ Read() int }
type readCloser interface {
	reader
	Close()
}

type device struct{}

func (d device) Read() int { return 0 }

func main() {
	var rc readCloser = device{}
	_ = rc
}
