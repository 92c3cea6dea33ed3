package main func main() {
}
