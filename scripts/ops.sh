#!/usr/bin/env bash
# Polity's operator tool: the steps of docs/operations.md as commands — propose and vote on
# licences, validators, regulators and runtime upgrades, rotate session keys, wait for
# enactments, validator-set changes, sync and finality, and print a network's status. Each
# command prints one JSON line (for jq) and exits non-zero with the reason on failure.
#
#   scripts/ops.sh status --ws ws://127.0.0.1:9944
#   scripts/ops.sh add-validator --account 5F… --as riverside/secrets/city-hall/account.json
#   scripts/ops.sh -h                        every command and option
set -euo pipefail
POLITY_OWN_HELP=1 # ops.mjs prints every command
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ ! -d "$POLITY_ROOT/tests/e2e/node_modules" ]]; then
	echo "tests/e2e/node_modules missing: run scripts/setup.sh first." >&2
	exit 1
fi
exec node "$POLITY_ROOT/tests/e2e/ops.mjs" "$@"
