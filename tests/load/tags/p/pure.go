//go:build purego

package p

import _ "math/bits"
