package d

import _ "example.com/cycle/c"
