package main

type Logger interface{ Log(s string) string }

type prefixLogger struct{ prefix string }

func (p prefixLogger) Log(s string) string { return p.prefix + s }

type Service struct {
	Logger
	name string
}

type loud struct{ Logger }

func (l loud) Log(s string) string { return l.Logger.Log(s + "!") }

func main() {
	s := Service{prefixLogger{"[svc] "}, "db"}
	println(s.Log("started"))
	var l Logger = s
	println(l.Log("via interface"))
	s.Logger = loud{prefixLogger{"[loud] "}}
	println(s.Log("hey"))
	var empty Service
	println(empty.Logger == nil)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	empty.Log("x")
}
