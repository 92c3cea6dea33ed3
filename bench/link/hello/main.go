// The link bench's hello world, built by the reference go. goxide's side is
// the same program as a hand-built Cranelift object (xtask/src/bench/link.rs)
// until goxide compiles Go.
package main

func main() {
	println("hello, world")
}
