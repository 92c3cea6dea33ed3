#!/usr/bin/env bash
# A stand-in for `goxide tool check` made of the reference go, for testing
# the harnesses that score `tool check` (see tests/types/README.md):
#
#   GOXIDE_TYPES_GOLDENS_BIN=$PWD/crates/goxide/tests/gcstandin/goxide.sh \
#     cargo test -p goxide --test types_goldens
#
# and likewise GOXIDE_TYPES2_CORPUS_BIN (types2_corpus) and
# GOXIDE_GOTYPES_DIFFERENTIAL_BIN (gotypes_differential).
#
#   goxide.sh tool check ./x.go            -> go build's diagnostics (stderr)
#   goxide.sh tool check -e ... files      -> gotypescheck.go (go/types)
#   goxide.sh tool check -dump-decls std   -> go list std | gotypesdump
#   anything else                           -> goxide's `no such tool`, exit 2
#
# GCSTANDIN_ALTER=<sed expression> rewrites what it prints (diagnostics or
# dump), to show that a harness reports a difference. The reference GOROOT
# is $GOXIDE_TEST_GOROOT or the repository's .goroot-pkg/go; the helpers
# are built on first use into $TMPDIR/goxide-gcstandin-$UID.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
goroot=${GOXIDE_TEST_GOROOT:-$here/../../../../.goroot-pkg/go}
cache=${TMPDIR:-/tmp}/goxide-gcstandin-$(id -u)
export GOROOT=$goroot PATH=$goroot/bin:$PATH GOFLAGS= GOTOOLCHAIN=local GOENV=off \
  CGO_ENABLED=0 GOTELEMETRY=off GOCACHE=$cache/gocache GOPATH=$cache/gopath
mkdir -p "$cache"
alter() { if [ -n "${GCSTANDIN_ALTER:-}" ]; then sed "$GCSTANDIN_ALTER"; else cat; fi; }
build() { # build NAME SOURCE: once, atomically (several copies may run at once)
  [ "$cache/$1" -nt "$2" ] && return
  go build -o "$cache/$1.$$" "$2" && mv "$cache/$1.$$" "$cache/$1" || exit 3
}
if [ "${1:-} ${2:-}" != "tool check" ]; then
  echo "goxide: no such tool \"${2:-}\"" >&2
  exit 2
fi
shift 2
case "${1:-}" in
-dump-decls)
  build gotypesdump "$here/../gotypesdump/main.go"
  go list std | GO111MODULE=off "$cache/gotypesdump" | alter
  exit "${PIPESTATUS[1]}" ;;
-e)
  build gotypescheck "$here/gotypescheck.go"
  GO111MODULE=off "$cache/gotypescheck" "$@" 2> >(alter >&2)
  rc=$?; wait; exit $rc ;;
*)
  out=$(go build -o "$cache/bin-$$" "$@" 2>&1); rc=$?
  printf '%s\n' "$out" | alter >&2
  rm -f "$cache/bin-$$"
  exit $rc ;;
esac
