module example.com/godebug

go 1.22

godebug (
	default=go1.99
	default=1.21
	panicnil=1
	nosuchsetting=1
	asynctimerchan=1
	asynctimerchan=0
	x509sha1=2
	tlskyber=0
	default=go1.21rc1
)
