// Package user imports what it may not.
package user

import (
	_ "example.com/odd/internal/x"
	_ "internal/abi"
	_ "vendor/golang.org/x/net/dns/dnsmessage"
	_ "golang.org/x/net/dns/dnsmessage"
)
