// Package p has files for every taste.
package p
