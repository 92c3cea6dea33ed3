module example.com/paren

retract [v1.0.0, v1.0.1] // ( )
