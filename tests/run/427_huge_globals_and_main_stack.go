package main

var big [1 << 24]byte
var grid [1024][1024]int32

var initialized = [5]string{"a", "b", "c", "d", "e"}

func local() int {
	var arr [1 << 20]int64
	for i := range arr {
		arr[i] = int64(i)
	}
	return int(arr[len(arr)-1])
}

func main() {
	big[len(big)-1] = 7
	grid[1023][1023] = 9
	s := 0
	for i := range big {
		s += int(big[i])
	}
	println(s, grid[1023][1023], len(big), initialized[4])
	println(local())
	copyOfGrid := grid
	copyOfGrid[0][0] = 1
	println(grid[0][0], copyOfGrid[0][0], copyOfGrid[1023][1023])
}
