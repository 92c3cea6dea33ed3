module example.com/empty

require ()
exclude ( )
replace (
)
