// Package upper lives in a module whose path has an upper-case letter.
package upper

// Shout shouts.
const Shout = "HEY"
