#!/usr/bin/env bash
# Builds the receipt verifier for the browser: `polity-receipt` (the verifier of
# `polity-node verify-receipt`) compiled to wasm32-unknown-unknown and bound with wasm-bindgen
# into portal/src/verifier/ (polity_receipt_wasm.js + polity_receipt_wasm_bg.wasm), which the
# portal imports. Fails if the module imports anything but wasm-bindgen's own glue (no
# Substrate host functions: sp-io runs its native code in the page).
#
#   scripts/build-verifier.sh        (scripts/setup.sh installs wasm-bindgen-cli 0.2.130)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"

command -v wasm-bindgen >/dev/null || { log "wasm-bindgen is missing: run scripts/setup.sh"; exit 1; }
out="$POLITY_ROOT/portal/src/verifier"
log "building the receipt verifier for the browser (wasm32-unknown-unknown)"
cargo build --release --locked --target wasm32-unknown-unknown -p polity-receipt-wasm
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/polity_receipt_wasm.wasm"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$wasm"
node "$POLITY_ROOT/tools/check-wasm-imports.mjs" "$out/polity_receipt_wasm_bg.wasm"
log "verifier: $out ($(($(stat -c %s "$out/polity_receipt_wasm_bg.wasm") / 1024)) KiB wasm)"
