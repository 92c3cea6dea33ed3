package main

func main() {
	/*line template.tmpl:42:7*/ x := )
}
