package p_test

import (
	"testing"

	"example.com/testonly/p"
	"example.com/testonly/xhelper"
)

func TestX(t *testing.T) { xhelper.Check(t, p.F()) }

func ExampleF() {
	println(p.F())
	// Output:
}
