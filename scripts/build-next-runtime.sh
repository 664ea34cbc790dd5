#!/usr/bin/env bash
# Builds the second runtime of the live-upgrade test: Polity's runtime with the next
# spec_version (cargo feature `next-spec-version`), from the wasm project the node's build left
# in the target dir, so only the runtime crate itself is compiled again (about two minutes; a
# second run with nothing changed takes seconds). Prints the path of the compressed blob that
# `system.applyAuthorizedUpgrade` takes.
#
#   scripts/build-next-runtime.sh        build (after `cargo build --release`), print the path
#   scripts/build-next-runtime.sh -h     this help
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case "${1:-}" in
	-h | --help)
		sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
		exit 0
		;;
esac

wbuild="$CARGO_TARGET_DIR/release/wbuild"
project="$wbuild/polity-runtime"
next="$wbuild/polity-runtime-next"
if [[ ! -f "$project/Cargo.toml" ]]; then
	echo "No runtime wasm project under $project: build the node first (cargo build --release)." >&2
	exit 1
fi
command -v zstd >/dev/null || { echo "zstd not found: run scripts/setup.sh" >&2; exit 1; }

# The same project with the feature on and its own crate name, so its blob does not replace
# the node's; it shares the wasm target dir, where every dependency is already built.
mkdir -p "$next/src"
sed -e 's/^features = \[\]/features = ["next-spec-version"]/' \
	-e 's/^name = "polity-runtime-blob"/name = "polity-runtime-next-blob"/' \
	-e 's/^name = "polity_runtime"/name = "polity_runtime_next"/' \
	"$project/Cargo.toml" >"$next/Cargo.toml"
grep -q 'next-spec-version' "$next/Cargo.toml" || { echo "unexpected wasm project layout in $project/Cargo.toml" >&2; exit 1; }
cp "$project/src/lib.rs" "$next/src/lib.rs"
cp "$project/Cargo.lock" "$next/Cargo.lock"
sed -i 's/^name = "polity-runtime-blob"/name = "polity-runtime-next-blob"/' "$next/Cargo.lock"

log "building the runtime with the next spec_version (wasm)"
# The flags substrate-wasm-builder uses, so cargo reuses the dependencies it built.
env -u CARGO_ENCODED_RUSTFLAGS -u RUSTC SKIP_WASM_BUILD=1 \
	RUSTFLAGS="-C link-arg=--export-table -C link-arg=--export=__heap_base -C link-arg=--import-memory --cfg substrate_runtime" \
	CARGO_TARGET_DIR="$project/target" \
	cargo rustc --offline --target=wasm32v1-none --manifest-path="$next/Cargo.toml" --profile release --quiet

raw="$project/target/wasm32v1-none/release/polity_runtime_next.wasm"
out="$next/polity_runtime_next.compressed.wasm"
# sp-maybe-compressed-blob's format: its 8-byte zstd magic, then a zstd frame.
{
	printf '\x52\xbc\x53\x76\x46\xdb\x8e\x05'
	zstd -q -19 -c "$raw"
} >"$out.tmp"
mv "$out.tmp" "$out"
log "next runtime: $(stat -c %s "$raw") bytes, $(stat -c %s "$out") compressed"
echo "$out"
