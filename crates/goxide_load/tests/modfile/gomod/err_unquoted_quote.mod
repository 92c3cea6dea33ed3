module a'b
