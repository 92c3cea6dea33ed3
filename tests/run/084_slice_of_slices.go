package main

func main() {
	n := 5
	tri := make([][]int, n)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, row := range tri {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}
	var jag [][]string
	jag = append(jag, []string{"a"})
	jag = append(jag, nil)
	jag = append(jag, []string{"b", "c"})
	for i, r := range jag {
		println(i, len(r), r == nil)
	}
	flat := []string{}
	for _, r := range jag {
		flat = append(flat, r...)
	}
	println(len(flat), flat[0], flat[2])
}
