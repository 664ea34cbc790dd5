#!/usr/bin/env bash
# README command 2: set up, build and run every test: Rust unit and integration tests, then the
# end-to-end tests against real nodes with @polkadot/api. Ends with `N passed, N failed`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"
started=$(date +%s)

"$POLITY_ROOT/scripts/setup.sh"

# Weights are measured, not written by hand: every call benchmarked, no storage pads, every
# weights file as the benchmark CLI wrote it (seconds; no build).
log "weights: tools/check-benchmarks.py"
python3 tools/check-benchmarks.py
log "vendored crates: tools/check-vendored.py"
python3 tools/check-vendored.py

# One cargo invocation builds the node binary and every test with one feature set, so nothing
# is compiled twice; the node's integration tests need the binary and make cargo build it.
log "cargo test --release --workspace"
cargo test --release --locked --workspace

# Every benchmark runs once as a test on the pallets' mocks (debug profile, no wasm).
log "benchmarks as tests (--features runtime-benchmarks)"
SKIP_WASM_BUILD=1 cargo test --locked -p pallet-stakeholder-voting -p pallet-regulatory-nodes \
	-p pallet-data-ownership --features runtime-benchmarks --lib benchmark

# The portal's receipt verifier: polity-receipt as wasm (the browser suites build the portal).
log "the receipt verifier for the browser"
"$POLITY_ROOT/scripts/build-verifier.sh"

# The second runtime of the live-upgrade test (the `decisions` suite): the same runtime with the
# next spec_version, built from the wasm project step 1 left behind.
log "the next runtime for the live-upgrade test"
POLITY_NEXT_RUNTIME="$("$POLITY_ROOT/scripts/build-next-runtime.sh")"
export POLITY_NEXT_RUNTIME
built=$(date +%s)

log "end-to-end tests (node: $POLITY_NODE)"
e2e_log="$(mktemp)"
set +e
(cd tests/e2e && node run.mjs "$@") 2>&1 | tee "$e2e_log"
status=${PIPESTATUS[0]}
set -e
log "cargo: $((built - started)) s, e2e: $(($(date +%s) - built)) s, total: $(($(date +%s) - started)) s"
# The end-to-end summary stays the last line of the run.
grep -E '^[0-9]+ passed, [0-9]+ failed$' "$e2e_log" | tail -n 1 || echo "0 passed, 1 failed"
rm -f "$e2e_log"
exit $status
