module example.com/quirky

go 1.22

require example.com/quirk v1.0.0
