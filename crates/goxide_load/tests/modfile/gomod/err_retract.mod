module example.com/x

retract (
	( v1.0.0 )
	[
	[v1.0.0
	[v1.0.0,
	[v1.0.0, v1.1.0
	v1.0.0 extra
)
retract
