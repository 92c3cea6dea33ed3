module example.com/ignored

go 1.25

ignore ./skipped

ignore node_modules
