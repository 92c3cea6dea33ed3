module example.com/x

tool
tool a b
ignore
ignore a b
tool "a
b"
