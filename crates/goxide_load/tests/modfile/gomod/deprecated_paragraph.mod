// This module is old.
//
// Deprecated: the second paragraph
// spans two lines.
//
// A third paragraph.
module example.com/deppara
