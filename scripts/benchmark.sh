#!/usr/bin/env bash
# Regenerates the weights of Polity's pallets on this machine, and prints the reference weight of
# balances.transfer_keep_alive next to them.
#
#   scripts/benchmark.sh                      all Polity pallets
#   scripts/benchmark.sh pallet_stakeholder_voting
#
# Builds polity-node with `--features runtime-benchmarks` (into the same target dir; the
# default build's artifacts stay valid).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"

PALLETS=("$@")
[ ${#PALLETS[@]} -gt 0 ] || PALLETS=(pallet_stakeholder_voting)
STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"

log "building polity-node with runtime-benchmarks"
cargo build --release --locked -p polity-node --features runtime-benchmarks
NODE="$CARGO_TARGET_DIR/release/polity-node"

for pallet in "${PALLETS[@]}"; do
	dir="pallets/$(tr '_' '-' <<<"${pallet#pallet_}")"
	log "benchmarking $pallet -> $dir/src/weights.rs"
	"$NODE" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template "$POLITY_ROOT/scripts/weight-template.hbs" \
		--output "$dir/src/weights.rs"
done

log "reference: balances.transfer_keep_alive"
"$NODE" benchmark pallet --chain dev --pallet pallet_balances --extrinsic transfer_keep_alive \
	--steps 2 --repeat "$REPEAT" --wasm-execution compiled 2>&1 | grep -E "Time ~=|Extrinsic" || true
