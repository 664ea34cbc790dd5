#!/usr/bin/env bash
# Measures Polity's runtime on this machine and regenerates every weight it charges.
#
#   scripts/benchmark.sh                 everything below (about 35 minutes warm on 2 cores,
#                                        plus about 40 for a cold runtime-benchmarks build)
#   scripts/benchmark.sh pallets         Polity's three pallets     -> pallets/*/src/weights.rs
#   scripts/benchmark.sh upstream        frame-system, its transaction extensions, balances,
#                                        transaction-payment, timestamp, utility, sudo, preimage,
#                                        tx-pause, safe-mode, node-authorization (its benchmarks
#                                        are Polity's: runtime/src/node_authorization_benchmarks.rs)
#                                                                   -> runtime/src/weights/*.rs
#   scripts/benchmark.sh overhead        block and extrinsic base weights (`benchmark overhead`)
#   scripts/benchmark.sh storage         ParityDb read/write weights (`benchmark storage`)
#   scripts/benchmark.sh pallet_stakeholder_voting   one pallet by name
#
# Environment: STEPS (20), REPEAT (10), STORAGE_ACCOUNTS (200000: the state `storage` measures). Builds polity-node with `--features runtime-benchmarks`
# into the shared target dir; rebuild the plain node afterwards (`cargo build --release`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
	sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
fi

POLITY_PALLETS=(pallet_stakeholder_voting pallet_data_ownership pallet_regulatory_nodes)
UPSTREAM_PALLETS=(frame_system frame_system_extensions pallet_balances pallet_transaction_payment
	pallet_timestamp pallet_utility pallet_sudo pallet_preimage pallet_tx_pause pallet_safe_mode
	pallet_node_authorization)
STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
STORAGE_ACCOUNTS="${STORAGE_ACCOUNTS:-200000}"
WEIGHTS="$POLITY_ROOT/runtime/src/weights"

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pallets upstream overhead storage)

log "building polity-node with runtime-benchmarks"
cargo build --release --locked -p polity-node --features runtime-benchmarks
NODE="$CARGO_TARGET_DIR/release/polity-node"

# The CLI's templates name crates directly; the runtime reaches them through `polkadot_sdk`.
through_umbrella() {
	sed -i \
		-e 's/^use frame_support::/use polkadot_sdk::frame_support::/' \
		-e 's/^\(\s*\)use frame_support::/\1use polkadot_sdk::frame_support::/' \
		-e 's/^\(\s*\)use sp_core::/\1use polkadot_sdk::sp_core::/' \
		-e 's/^\(\s*\)use sp_weights::/\1use polkadot_sdk::frame_support::weights::/' \
		-e 's/^use core::marker::PhantomData;/use core::marker::PhantomData;\nuse polkadot_sdk::*;/' \
		"$1"
}

# Every generated file is sealed with its hash; `tools/check-benchmarks.py` (run by
# scripts/test.sh) fails on a weights file edited by hand.
seal() {
	rustfmt --edition 2021 "$@" 2>/dev/null || true # cargo fmt must find nothing to change later
	python3 "$POLITY_ROOT/tools/check-benchmarks.py" --seal "$@"
}

bench_pallet() { # pallet output [template]
	local pallet=$1 output=$2 started=$SECONDS
	local template=()
	[ -z "${3:-}" ] || template=(--template "$3")
	log "benchmarking $pallet -> ${output#"$POLITY_ROOT"/}"
	"$NODE" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled --heap-pages 4096 \
		"${template[@]}" --output "$output" 2>&1 | grep -E "^(Pallet|Error|error)" || true
	[ -s "$output" ] || { echo "no weights written for $pallet: see the output above" >&2; exit 1; }
	log "$pallet done in $((SECONDS - started)) s"
}

for target in "${targets[@]}"; do
	case "$target" in
	pallets)
		for p in "${POLITY_PALLETS[@]}"; do
			bench_pallet "$p" "pallets/$(tr '_' '-' <<<"${p#pallet_}")/src/weights.rs" \
				"$POLITY_ROOT/scripts/weight-template.hbs"
			seal "pallets/$(tr '_' '-' <<<"${p#pallet_}")/src/weights.rs"
		done
		;;
	upstream)
		mkdir -p "$WEIGHTS"
		for p in "${UPSTREAM_PALLETS[@]}"; do
			bench_pallet "$p" "$WEIGHTS/$p.rs"
			through_umbrella "$WEIGHTS/$p.rs"
			seal "$WEIGHTS/$p.rs"
		done
		;;
	overhead)
		log "benchmark overhead -> runtime/src/weights/{block,extrinsic}_weights.rs"
		"$NODE" benchmark overhead --chain dev --wasm-execution compiled --weight-path "$WEIGHTS" \
			--warmup 10 --repeat 100
		through_umbrella "$WEIGHTS/block_weights.rs"
		through_umbrella "$WEIGHTS/extrinsic_weights.rs"
		seal "$WEIGHTS/block_weights.rs" "$WEIGHTS/extrinsic_weights.rs"
		;;
	storage)
		base=$(mktemp -d)
		log "benchmark storage (ParityDb, the dev chain with $STORAGE_ACCOUNTS more accounts) -> runtime/src/weights/paritydb_weights.rs"
		"$NODE" export-chain-spec --chain dev 2>/dev/null >"$base/dev.json"
		python3 "$POLITY_ROOT/scripts/populated-spec.py" "$base/dev.json" "$STORAGE_ACCOUNTS" >"$base/populated.json"
		# 5,000 random keys, written in blocks of 1,000 (the storage root is computed per block).
		"$NODE" benchmark storage --chain "$base/populated.json" --base-path "$base/db" \
			--database paritydb --state-version 1 --weight-path "$WEIGHTS" --warmups 2 \
			--keys-limit 5000 --batch-size 1000 --random-seed 7
		rm -rf "$base"
		through_umbrella "$WEIGHTS/paritydb_weights.rs"
		seal "$WEIGHTS/paritydb_weights.rs"
		;;
	pallet_*)
		case " ${POLITY_PALLETS[*]} " in
		*" $target "*)
			out="pallets/$(tr '_' '-' <<<"${target#pallet_}")/src/weights.rs"
			bench_pallet "$target" "$out" "$POLITY_ROOT/scripts/weight-template.hbs"
			seal "$out"
			;;
		*) bench_pallet "$target" "$WEIGHTS/$target.rs"; through_umbrella "$WEIGHTS/$target.rs"; seal "$WEIGHTS/$target.rs" ;;
		esac
		;;
	frame_system | frame_system_extensions)
		bench_pallet "$target" "$WEIGHTS/$target.rs"
		through_umbrella "$WEIGHTS/$target.rs"
		seal "$WEIGHTS/$target.rs"
		;;
	*)
		echo "unknown target '$target': see scripts/benchmark.sh -h" >&2
		exit 2
		;;
	esac
done
cargo fmt --all 2>/dev/null || true
log "weights regenerated; rebuild the node and run scripts/test.sh"
