#!/usr/bin/env bash
# Builds the polity-node container image with whichever engine runs here (docker, else podman).
#
#   scripts/build-image.sh                    from the binary built on the host
#                                             (docker/Dockerfile.host: FROM scratch, no base
#                                             image to pull; builds the binary if missing)
#   scripts/build-image.sh --from-source      docker/Dockerfile: a Rust builder stage, then
#                                             debian:bookworm-slim (pulls both base images)
#   POLITY_IMAGE=registry.example.org/polity-node:0.1.0 scripts/build-image.sh
#
# Prints the image name. The image runs as uid 1000 with its state in /data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"
image="${POLITY_IMAGE:-polity-node:local}"

engine=""
for candidate in docker podman; do
	if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then
		engine="$candidate"
		break
	fi
done
if [[ -z "$engine" ]]; then
	echo "No container engine runs here: install docker, or podman (apt-get install podman)." >&2
	exit 1
fi

# Runs the image; where podman's default runtime cannot (crun refuses hybrid cgroups, and
# raising rlimits needs CAP_SYS_RESOURCE, which some sandboxes drop), with runc and rlimits
# below the current ones.
run_image() {
	"$engine" run "$@" 2>/dev/null && return 0
	[[ "$engine" == podman ]] || return 1
	podman run --runtime runc --ulimit nofile=10000:10000 --ulimit nproc=4096:4096 "$@"
}

if [[ "${1:-}" == --from-source ]]; then
	log "building $image from source with $engine (docker/Dockerfile)"
	"$engine" build -f docker/Dockerfile -t "$image" . >&2
	echo "$image"
	exit 0
fi

[[ -x "$POLITY_NODE" ]] || { log "building polity-node"; cargo build --release --locked -p polity-node; }
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
root="$context/rootfs"
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/tmp" "$context/data" "$context/home"
chmod 1777 "$root/tmp"
cp "$POLITY_NODE" "$root/usr/local/bin/polity-node"
# The shared libraries the binary links, at the paths the dynamic loader looks them up.
for lib in $(ldd "$POLITY_NODE" | grep -oE '/[^ ]+\.so[^ ]*'); do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done
[[ -f /etc/ssl/certs/ca-certificates.crt ]] && cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
printf 'root:x:0:0:root:/root:/sbin/nologin\npolity:x:1000:1000:polity:/home/polity:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\npolity:x:1000:\n' >"$root/etc/group"
cp docker/Dockerfile.host "$context/Dockerfile"
log "building $image from $POLITY_NODE with $engine (docker/Dockerfile.host)"
"$engine" build -t "$image" "$context" >&2
run_image --rm "$image" --version >&2
echo "$image"
