// Package xhelper is imported only by external tests.
package xhelper

import (
	"testing"

	"example.com/testonly/helper"
)

// Check checks.
func Check(t *testing.T, v int) { helper.Check(t, v) }
