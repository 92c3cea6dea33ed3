package p

import "C"
