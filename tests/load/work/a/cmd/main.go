// Command cmd uses the other workspace module.
package main

import "example.com/b/lib"

func main() { lib.Do() }
