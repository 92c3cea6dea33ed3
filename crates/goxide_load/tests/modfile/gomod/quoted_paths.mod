module "example.com/quoted"

require "example.com/q" "v1.0.0"

replace "example.com/q" => "../q dir"

tool "example.com/q/cmd"

ignore "x\ty"
