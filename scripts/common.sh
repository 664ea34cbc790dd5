# Shared settings for Polity's scripts. Source it; do not run it.

POLITY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export POLITY_ROOT
# One persistent target dir outside the clone, so every build and CI run reuse the same artifacts.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/polity/target}"
export POLITY_NODE="${POLITY_NODE:-$CARGO_TARGET_DIR/release/polity-node}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# `-h` or `--help` as a script's first argument prints the script's header comment and exits.
if [[ -z "${POLITY_OWN_HELP:-}" && ( "${1:-}" == -h || "${1:-}" == --help ) ]]; then
	sed -n '2,/^[^#]/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
	exit 0
fi
