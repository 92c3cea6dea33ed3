package e

import _ "embed"

//go:embed testdata.txt
var td string
