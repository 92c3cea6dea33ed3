// Hello prints.
package main

import (
	"fmt"

	"example.com/cached/lib"
)

func main() { fmt.Println(lib.All()) }
