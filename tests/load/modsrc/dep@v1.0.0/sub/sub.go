package sub

// Name is the package's name.
const Name = "sub"
