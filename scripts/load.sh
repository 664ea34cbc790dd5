#!/usr/bin/env bash
# Load tool: pre-signs N extrinsics of a kind (transfer, vote, register, register-batch, or all
# three side by side) from many accounts, submits them to a dev node and prints, per block, the
# extrinsics, weight and length used and the build time; at the end the most per block, what
# limited it, the sustained rate, the finality lag, and the kinds' ratios to transfers.
#
#   scripts/load.sh                          all kinds, 6,000 each, on a dev node it starts
#   scripts/load.sh --kind vote --count 3000
#   scripts/load.sh --node ws://127.0.0.1:9944 --node-log /tmp/node.log
#   scripts/load.sh -h                       every option
set -euo pipefail
POLITY_OWN_HELP=1 # load.mjs prints every option
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT/tests/e2e"
if [[ ! -d node_modules ]]; then
	echo "tests/e2e/node_modules missing: run scripts/setup.sh first." >&2
	exit 1
fi
if [[ ! -x "$POLITY_NODE" ]] && ! printf '%s\n' "$@" | grep -qE '^(--node|-h|--help)$'; then
	echo "polity-node not found at $POLITY_NODE: build it first (cargo build --release)." >&2
	exit 1
fi
exec node load.mjs "$@"
