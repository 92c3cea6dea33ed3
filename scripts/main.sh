#!/usr/bin/env bash
# Sets up a machine (scripts/setup.sh), builds goxide, and runs its main
# job: it shows its version and environment, parses the whole standard
# library, and builds and runs a Go program (examples/hello) into a static
# executable.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bash scripts/setup.sh
cargo build --release -p goxide
goxide=${CARGO_TARGET_DIR:-$here/target}/release/goxide
"$goxide" version
"$goxide" env
"$goxide" tool parse "$(scripts/goroot.sh)/src"
"$goxide" run examples/hello/main.go
