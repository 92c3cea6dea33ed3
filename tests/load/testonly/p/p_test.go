package p

import (
	"testing"

	"example.com/testonly/helper"
)

func TestF(t *testing.T) { helper.Check(t, F()) }
