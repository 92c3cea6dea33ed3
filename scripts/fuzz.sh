#!/usr/bin/env bash
# Fuzzes goxide's front end with cargo-fuzz (libFuzzer); see fuzz/README.md.
#
#   scripts/fuzz.sh [TARGET] [SECONDS] [LIBFUZZER_ARG...]
#
# TARGET: a target of fuzz/fuzz_targets (default: parse). SECONDS: how long
# (default: 1800). Further arguments go to libFuzzer (e.g. -jobs=2).
# Environment: FUZZ_SANITIZER (default: address, cargo-fuzz's own default,
# which catches misuse of any `unsafe` a fast scanner may grow; `none` skips
# it), FUZZ_MAX_LEN (default: 65536 bytes).
#
# Steps: installs cargo-fuzz if missing (cargo install cargo-fuzz --locked);
# seeds fuzz/corpus/TARGET (git-ignored) with a sample of the reference
# GOROOT/src .go files and every .go file of the parser-related testdata
# folders; runs the target; on a crash prints the artifact paths under
# fuzz/artifacts/TARGET and exits non-zero.
#
# Only stable Rust is on these machines: cargo-fuzz passes nightly flags
# (-Z...), which RUSTC_BOOTSTRAP=1 lets stable rustc accept, for this command
# only.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=${1:-parse}
seconds=${2:-1800}
shift $(($# < 2 ? $# : 2))
sanitizer=${FUZZ_SANITIZER:-address}
max_len=${FUZZ_MAX_LEN:-65536}

say() { printf 'fuzz: %s\n' "$*" >&2; }

if [ ! -f "$here/fuzz/fuzz_targets/$target.rs" ]; then
  say "no target '$target'; targets: $(cd "$here/fuzz/fuzz_targets" && ls -- *.rs | sed 's/\.rs$//' | tr '\n' ' ')"
  exit 2
fi
case $seconds in
  '' | *[!0-9]*) say "SECONDS must be a whole number, not '$seconds'"; exit 2 ;;
esac

# 1. cargo-fuzz.
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (cargo install cargo-fuzz --locked)"
  cargo install cargo-fuzz --locked >&2
fi

# 2. Seed corpus: idempotent (cp -n), only files libFuzzer would not truncate.
goroot=$("$here/scripts/goroot.sh")
corpus="$here/fuzz/corpus/$target"
mkdir -p "$corpus"
seed() { # seed FILE...: copy each into the corpus as path_with_underscores
  local f
  for f in "$@"; do
    [ "$(stat -c %s "$f")" -le "$max_len" ] || continue
    cp -n "$f" "$corpus/seed_$(printf '%s' "${f#"$goroot/src/"}" | tr '/' '_')"
  done
}
# Every 20th ordinary source file (testdata and _/. folders left out, as the
# parse bench walks), in a stable order.
mapfile -t sample < <(cd "$goroot/src" && find . -mindepth 1 \( -name testdata -o -name '[._]*' \) -type d -prune \
  -o -type f -name '*.go' -print | LC_ALL=C sort | awk 'NR % 20 == 1' | sed "s|^\./|$goroot/src/|")
seed "${sample[@]}"
# Test inputs of Go's own parsers and type checker, many of them erroneous.
for d in cmd/compile/internal/syntax go/parser go/scanner go/printer go/format internal/types; do
  [ -d "$goroot/src/$d/testdata" ] || continue
  mapfile -t data < <(find "$goroot/src/$d/testdata" -type f -name '*.go' | LC_ALL=C sort)
  seed "${data[@]}"
done
say "corpus $corpus: $(find "$corpus" -type f | wc -l) inputs"

# 3. Run.
say "cargo fuzz run -s $sanitizer $target for ${seconds}s (-max_len=$max_len)"
started=$(date +%s)
status=0
(cd "$here/fuzz" && RUSTC_BOOTSTRAP=1 cargo fuzz run -s "$sanitizer" "$target" "$corpus" -- \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 "$@") || status=$?

# 4. Report.
artifacts="$here/fuzz/artifacts/$target"
mapfile -t found < <(find "$artifacts" -type f -newermt "@$started" 2>/dev/null | LC_ALL=C sort)
if [ "$status" -ne 0 ] || [ "${#found[@]}" -gt 0 ]; then
  say "target '$target' failed (status $status); new artifacts in $artifacts:"
  for f in "${found[@]}"; do printf '  %s\n' "$f" >&2; done
  say "reproduce: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s $sanitizer $target ARTIFACT)"
  exit "$((status == 0 ? 1 : status))"
fi
say "no crash in ${seconds}s"
