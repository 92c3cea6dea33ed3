#!/bin/sh
# A stand-in for `goxide tool parse`, to test the parse bench's mechanics
# while goxide's parser is unwritten:
#   GOXIDE_BIN=bench/parse/standin-goxide.sh cargo xtask bench parse --runs 3
# It speaks goxide's command line (`tool parse [-j N] PATH...`, default -j:
# every core) and answers with goparse in fast mode (bench/out/goparse, which
# the bench builds first), so its "ratios" are go/parser against itself.
set -eu
if [ "$#" -lt 2 ] || [ "$1" != tool ] || [ "$2" != parse ]; then
  echo "standin-goxide: only 'tool parse [-j N] PATH...'" >&2
  exit 2
fi
shift 2
case "${1-}" in
  -j|-j=*) ;;
  *) set -- -j 0 "$@" ;;
esac
exec "$(dirname "$0")/../out/goparse" -mode fast "$@"
