#!/usr/bin/env bash
# Sets up a machine (scripts/setup.sh), builds goxide, and runs its main
# job. For now goxide has a front end only: it shows its version and
# environment, and parses the whole standard library.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bash scripts/setup.sh
cargo build --release -p goxide
goxide=${CARGO_TARGET_DIR:-$here/target}/release/goxide
"$goxide" version
"$goxide" env
"$goxide" tool parse "$(scripts/goroot.sh)/src"
