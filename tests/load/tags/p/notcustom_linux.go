//go:build !custom && linux

package p

import _ "bytes"
