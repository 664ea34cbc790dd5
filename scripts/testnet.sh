#!/usr/bin/env bash
# Starts Polity's local testnet under zombienet (native provider) for a person to use: the four
# `local_testnet` validators and the regulators' supervision node, on loopback, until Ctrl-C.
# Serves the portal with the testnet's light-client spec (its light client dials the supervision
# node's WebSocket address) and prints its link, and a Polkadot.js Apps link for each node.
#
#   scripts/testnet.sh                 RPC ports 9944 (Alice) to 9948 (supervision), portal on 8080
#   POLITY_RPC_BASE=19944 PORTAL_PORT=8090 scripts/testnet.sh
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

# The portal: the local chain's raw spec with the supervision node (key 00…05, licensed in the
# `local_testnet` genesis) as its WebSocket boot node.
portal_port="${PORTAL_PORT:-8080}"
spec_dir="$(mktemp -d)"
trap 'kill "${portal_pid:-}" 2>/dev/null || true; rm -rf "$spec_dir"' EXIT
"$POLITY_NODE" export-chain-spec --chain local --raw >"$spec_dir/local-raw.json" 2>/dev/null
supervision_peer="$("$POLITY_NODE" key inspect-node-key --file zombienet/node-keys/supervision.key)"
node tools/light-client-spec.mjs --spec "$spec_dir/local-raw.json" --out "$spec_dir/local-light.json" \
	--bootnode "/ip4/127.0.0.1/tcp/$((POLITY_RPC_BASE + 14))/ws/p2p/$supervision_peer" >/dev/null
"$POLITY_ROOT/scripts/build-verifier.sh"
(cd portal && npm run build --silent -- --logLevel error >/dev/null)
node portal/serve.mjs --port "$portal_port" --chain-spec "$spec_dir/local-light.json" \
	--node "ws://127.0.0.1:$((POLITY_RPC_BASE + 4))" >/dev/null &
portal_pid=$!
log "Polity portal: http://127.0.0.1:$portal_port/ (light client in the page; dev accounts: Alice … Ferdie)"
zombienet/node_modules/.bin/zombienet --provider native spawn zombienet/polity.toml
