// Not Deprecated: nope
module example.com/notdep
