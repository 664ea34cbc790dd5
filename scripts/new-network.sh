#!/usr/bin/env bash
# Creates a new Polity network from a description (validators, licensed nodes, regulators with
# jurisdictions, scopes, stakeholders): fresh account, session and network keys for everyone, a
# raw chain spec (no dev keys, no sudo key; boot nodes, token properties, the genesis authority
# set), a zombienet network file, a compose file and a Prometheus config. Secrets go to
# OUT/secrets/ with owner-only permissions and never into a spec.
#
#   scripts/new-network.sh docs/network.example.toml --out riverside
#   scripts/new-network.sh NET.toml --out DIR --rpc-base 9944 --p2p-base 30333 --prometheus-base 9615
#
# Then: zombienet -p native spawn DIR/zombienet.toml (POLITY_NODE set), or docker compose in DIR.
# The procedures to run it are in docs/operations.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ ! -x "$POLITY_NODE" ]]; then
	echo "polity-node not found at $POLITY_NODE: build it first (cargo build --release -p polity-node)." >&2
	exit 1
fi
exec python3 "$POLITY_ROOT/scripts/new-network.py" --node "$POLITY_NODE" "$@"
