#!/usr/bin/env bash
# Sets up a machine (scripts/setup.sh) and runs every test of the project.
# This is the README's test command; .ci/run calls it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bash scripts/setup.sh
export GOXIDE_TEST_GOROOT="$(scripts/goroot.sh)"
cargo build --workspace --all-targets
cargo test --workspace
