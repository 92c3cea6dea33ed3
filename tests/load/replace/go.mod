module example.com/replace

go 1.22

require example.com/lib v1.0.0

replace example.com/lib v1.0.0 => ./third_party/lib
