#!/usr/bin/env bash
# README command 1: set up, build and start a development chain on ws://127.0.0.1:9944, and serve
# the Polity portal on http://127.0.0.1:8080 (its link is printed). The portal verifies the chain
# itself: its light client starts from the dev chain's spec (served beside it) and dials the node
# on a WebSocket address (127.0.0.1:30334 by default; --p2p-ws-port) that serves light clients.
#
#   scripts/run-dev.sh                          dev node + portal
#   scripts/run-dev.sh --portal-port 8090       portal on another port
#   scripts/run-dev.sh --node-url wss://host    only the portal, against any Polity node
#   scripts/run-dev.sh --no-portal              only the dev node
#   scripts/run-dev.sh --rpc-port 9955          the node's RPC on another port
#   scripts/run-dev.sh --p2p-ws-port 30344      the light clients' WebSocket port
#   scripts/run-dev.sh --base-path ~/polity-dev keep the chain in a directory across restarts
#                                               (default: a temporary one, gone at exit)
# Any other argument goes to polity-node, e.g. `scripts/run-dev.sh --rpc-external`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

portal_port=8080
rpc_port=9944
p2p_port=30333
p2p_ws_port=30334
base_path=""
node_url=""
portal=1
node_args=()
while (($#)); do
	case "$1" in
	--rpc-port)
		rpc_port="$2"
		shift 2
		;;
	--p2p-ws-port)
		p2p_ws_port="$2"
		shift 2
		;;
	--p2p-port)
		p2p_port="$2"
		shift 2
		;;
	--base-path)
		base_path="$2"
		shift 2
		;;
	--portal-port)
		portal_port="$2"
		shift 2
		;;
	--node-url)
		node_url="$2"
		shift 2
		;;
	--no-portal)
		portal=0
		shift
		;;
	*)
		node_args+=("$1")
		shift
		;;
	esac
done

"$POLITY_ROOT/scripts/setup.sh"

start_portal() {
	local url="$1" spec="${2:-}"
	"$POLITY_ROOT/scripts/build-verifier.sh"
	log "building the portal (portal/dist)"
	(cd "$POLITY_ROOT/portal" && npm run build --silent -- --logLevel error >/dev/null)
	node "$POLITY_ROOT/portal/serve.mjs" --port "$portal_port" --node "$url" ${spec:+--chain-spec "$spec"} &
	portal_pid=$!
	trap 'kill $portal_pid 2>/dev/null || true' EXIT
	sleep 0.5
	if [ -n "$spec" ]; then
		log "Polity portal: http://127.0.0.1:$portal_port/ (light client in the page; dev accounts: Alice … Ferdie)"
	else
		log "Polity portal: http://127.0.0.1:$portal_port/?rpc=$url (trusting that node; dev accounts: Alice … Ferdie)"
	fi
}

if [ -n "$node_url" ]; then
	start_portal "$node_url"
	log "serving the portal only, against $node_url; Ctrl-C stops it"
	wait "$portal_pid"
	exit 0
fi

"$POLITY_ROOT/scripts/build.sh"
storage=(--tmp)
keys="$(mktemp -d)"
if [ -n "$base_path" ]; then
	mkdir -p "$base_path"
	storage=(--base-path "$base_path")
	keys="$base_path"
	log "chain data in $base_path (kept across restarts; delete it to start over)"
fi
# A node key known in advance: the light client's boot node names the node's peer id.
[ -f "$keys/node-key" ] || "$POLITY_NODE" key generate-node-key --file "$keys/node-key" 2>/dev/null
peer_id="$("$POLITY_NODE" key inspect-node-key --file "$keys/node-key")"
spec="$keys/polity-dev-light.json"
"$POLITY_NODE" export-chain-spec --chain dev --raw >"$keys/polity-dev-raw.json" 2>/dev/null
node "$POLITY_ROOT/tools/light-client-spec.mjs" --spec "$keys/polity-dev-raw.json" \
	--bootnode "/ip4/127.0.0.1/tcp/$p2p_ws_port/ws/p2p/$peer_id" --out "$spec" >/dev/null
((portal)) && start_portal "ws://127.0.0.1:$rpc_port" "$spec"
log "starting a dev chain: ws://127.0.0.1:$rpc_port"
log "Polkadot.js Apps (developers): https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:$rpc_port"
# The dev node serves unsafe RPC (author_insertKey, …) on loopback: only the portal's own
# origin and Polkadot.js Apps may call it from a browser, never any page the user visits.
# Local tools (curl, @polkadot/api in Node) send no Origin and are unaffected.
cors="http://127.0.0.1:$portal_port,http://localhost:$portal_port,https://polkadot.js.org"
log "browser origins allowed to call the node: $cors"
"$POLITY_NODE" --dev "${storage[@]}" --rpc-port "$rpc_port" --rpc-cors "$cors" \
	--node-key-file "$keys/node-key" --serve-light-clients \
	--listen-addr "/ip4/127.0.0.1/tcp/$p2p_port" --listen-addr "/ip4/127.0.0.1/tcp/$p2p_ws_port/ws" \
	${node_args[@]+"${node_args[@]}"}
