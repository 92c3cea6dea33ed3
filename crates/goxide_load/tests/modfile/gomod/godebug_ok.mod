module example.com/godebugok

godebug default=go1.21
godebug gotypesalias=1
godebug panicnil=0
