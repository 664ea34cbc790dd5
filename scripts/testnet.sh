#!/usr/bin/env bash
# Starts Polity's local testnet under zombienet (native provider) for a person to use: the four
# `local_testnet` validators and the regulators' supervision node, on loopback, until Ctrl-C.
# Prints a Polkadot.js Apps link for each node.
#
#   scripts/testnet.sh                 RPC ports 9944 (Alice) to 9948 (supervision)
#   POLITY_RPC_BASE=19944 scripts/testnet.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"
export POLITY_RPC_BASE="${POLITY_RPC_BASE:-9944}"

"$POLITY_ROOT/scripts/setup.sh"
[ -x "$POLITY_NODE" ] || { log "building polity-node"; cargo build --release --locked -p polity-node; }

log "Polity testnet: Polkadot.js Apps links (open once the nodes are up; load scripts/polkadotjs/polity.json in Settings > Developer for the custom RPCs)"
i=0
for name in alice bob charlie dave supervision; do
	port=$((POLITY_RPC_BASE + i))
	printf '  %-12s ws://127.0.0.1:%-6s https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:%s\n' "$name" "$port" "$port"
	i=$((i + 1))
done
exec zombienet/node_modules/.bin/zombienet --provider native spawn zombienet/polity.toml
