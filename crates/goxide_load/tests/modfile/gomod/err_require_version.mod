module example.com/x

require example.com/a master
exclude example.com/b 'v1'
require example.com/c "v1.0.0
