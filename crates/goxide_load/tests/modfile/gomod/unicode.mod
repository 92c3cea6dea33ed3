module example.com/ünïcode

require example.com/a v1.0.0 // indirect

tool "example.com/\u00e9"

godebug x=<y>&z
