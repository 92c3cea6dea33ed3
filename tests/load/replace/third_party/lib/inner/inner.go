package inner

// Y is y.
const Y = 2
