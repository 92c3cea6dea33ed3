//go:build custom

package p

import _ "strings"
