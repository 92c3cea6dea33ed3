package main

func Generate[T any](vals ...T) <-chan T {
	ch := make(chan T, len(vals))
	for _, v := range vals {
		ch <- v
	}
	close(ch)
	return ch
}

func Collect[T any](ch <-chan T) []T {
	var out []T
	for v := range ch {
		out = append(out, v)
	}
	return out
}

func Memo[K comparable, V any](f func(K) V) func(K) V {
	cache := map[K]V{}
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		v := f(k)
		cache[k] = v
		return v
	}
}

func main() {
	got := Collect(Generate("a", "b", "c"))
	println(len(got), got[0], got[2])
	nums := Collect(Generate(1.5, 2.5))
	println(nums[0] + nums[1])
	calls := 0
	sq := Memo(func(x int) int { calls++; return x * x })
	println(sq(4), sq(4), sq(5), calls)
}
