module example.com/toonew

go 1.99
