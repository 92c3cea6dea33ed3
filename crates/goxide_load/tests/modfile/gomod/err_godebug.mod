module example.com/x

godebug
godebug a
godebug "a=b"
godebug a=b c=d
