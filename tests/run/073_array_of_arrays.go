package main

func main() {
	var m [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			m[i][j] = i*10 + j
		}
	}
	for _, row := range m {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}
	// transpose
	var t [4][3]int
	for i, row := range m {
		for j, v := range row {
			t[j][i] = v
		}
	}
	println(t[3][2], t[0][1], len(t), len(t[0]))
	cube := [2][2][2]byte{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}
	sum := 0
	for _, p := range cube {
		for _, r := range p {
			for _, v := range r {
				sum += int(v)
			}
		}
	}
	println("cube sum:", sum)
	copyM := m
	copyM[1][1] = -1
	println(m[1][1], copyM[1][1], m == copyM)
}
