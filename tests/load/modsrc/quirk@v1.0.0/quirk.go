// Package quirk has a broken file that only Windows builds.
package quirk

// Q is q.
const Q = 1
