package main

const msg = "hi"
