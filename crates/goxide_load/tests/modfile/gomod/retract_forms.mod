module example.com/retract

// Rationale from the block.
retract (
	v1.0.0
	[v1.1.0, v1.2.0]
)

retract not-a-version // accepted without a fixer

retract "v1.3.0"

retract [v2.0.0,v2.1.0] // compact
