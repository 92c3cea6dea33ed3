module example.com/quirk

go 1.21
