// Command v uses a vendored module.
package main

import (
	"fmt"

	"example.com/dep"
	"example.com/dep/extra"
)

func main() { fmt.Println(dep.Hello(), extra.Greeting()) }
