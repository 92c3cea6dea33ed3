package quirk

import (
	"fmt"
