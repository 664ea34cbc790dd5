#!/usr/bin/env python3
"""Creates a new Polity network from a description: fresh keys for every account and node, a
raw chain spec built from the runtime's `local_testnet` preset with every account-bearing field
replaced by the description's (no dev key anywhere, no sudo key), and the files to start it.

Run it through `scripts/new-network.sh`, which finds the node binary; `-h` lists the options.
"""

import argparse
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib

UNIT = 10**12
PERBILL = 10**9
SECTORS = {"government": "Government", "market": "Market", "community": "Community"}
# The runtime's chain-wide scope: the first scope of every Polity genesis.
CHAIN_WIDE = "polity"
# `twox128("Sudo") ++ twox128("Key")`: present in a raw spec only if someone holds sudo.
SUDO_KEY_STORAGE = "5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b"
# The dev network keys (`--node-key 00…01` to `…05`); the well-known dev accounts' keys are
# derived at run time (`dev_keys`). None may appear in a new network's spec.
DEV_NODE_KEYS = [
    "4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29",
    "7422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674",
    "f381626e41e7027ea431bfe3009e94bdd25a746beec468948d6c3c7c5dc9a54b",
    "fd50b8e3b144ea244fbf7737f550bc8dd0c2650bbc1aada833ca17ff8dbf329b",
    "fde4fba030ad002f7c2f7d4c331f49d13fb0ec747eceebec634f1ff4cbca9def",
]
DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"]

# The storage key of the runtime's wasm code, `:code`.
CODE_KEY = "0x3a636f6465"

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58decode(s):
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(s) - len(s.lstrip("1"))) + raw


def die(message):
    print(f"new-network: {message}", file=sys.stderr)
    sys.exit(2)


def progress(message):
    print(f"  {message}", file=sys.stderr)


class Node:
    """Runs `polity-node` subcommands that make keys."""

    def __init__(self, binary):
        self.binary = binary

    def run(self, *args):
        out = subprocess.run([self.binary, *args], capture_output=True, text=True)
        if out.returncode != 0:
            die(f"`polity-node {' '.join(args[:2])}` failed: {out.stderr.strip()}")
        return out.stdout

    def generate(self, scheme):
        return json.loads(self.run("key", "generate", "--scheme", scheme, "--output-type", "json"))

    def node_key(self, path):
        self.run("key", "generate-node-key", "--file", path)
        os.chmod(path, 0o600)
        return self.run("key", "inspect-node-key", "--file", path).strip()

    def dev_keys(self):
        """The public keys (hex, no 0x) of //Alice … //Ferdie and their //stash, sr25519 and ed25519."""
        keys = []
        for who in DEV_NAMES:
            for suri in (f"//{who}", f"//{who}//stash"):
                for scheme in ("sr25519", "ed25519"):
                    out = json.loads(self.run("key", "inspect", "--scheme", scheme, "--output-type", "json", suri))
                    keys.append(out["publicKey"][2:].lower())
        return keys + DEV_NODE_KEYS

    @staticmethod
    def insert(keystore, key, key_type):
        # Written as the node's keystore writes it (file `hex(key type) ++ hex(public key)`,
        # holding the phrase as a JSON string), so no secret ever passes on a command line,
        # where other users of the machine could read it.
        path = os.path.join(keystore, key_type.encode().hex() + key["publicKey"][2:].lower())
        write_secret(path, json.dumps(key["secretPhrase"]))


def private_dir(path):
    os.makedirs(path, mode=0o700, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def write_secret(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(path, 0o600)


def write_public(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o644)


def load_description(path):
    try:
        with open(path, "rb") as f:
            return json.load(f) if path.endswith(".json") else tomllib.load(f)
    except OSError as e:
        die(f"cannot read the description: {e}")
    except (ValueError, tomllib.TOMLDecodeError) as e:
        die(f"{path} is not valid {'JSON' if path.endswith('.json') else 'TOML'}: {e}")


def voting_rule(spec, default_period):
    kind = spec.get("weighting", "stake")
    if kind == "stake":
        weighting = {"Stake": {"cap": spec.get("stake_cap_percent", 100) * PERBILL // 100}}
    elif kind == "headcount":
        weighting = "Headcount"
    elif kind == "hybrid":
        weighting = {"Hybrid": {"headcountShare": spec.get("headcount_share_percent", 50) * PERBILL // 100}}
    else:
        die(f"scope {spec.get('name')}: weighting must be stake, headcount or hybrid, not {kind!r}")
    return {
        "weighting": weighting,
        "approval": spec.get("approval_percent", 50) * PERBILL // 100,
        "quorum": spec.get("quorum_percent", 20) * PERBILL // 100,
        "sectorBalance": bool(spec.get("sector_balance", False)),
        "votingPeriod": int(spec.get("voting_period", default_period)),
    }


NAME = re.compile(r"^[a-z][a-z0-9-]{0,31}\Z")
# A DNS name (labels of letters, digits and inner dashes) or a dotted IPv4 address.
HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\Z")
SS58 = re.compile(r"^[1-9A-HJ-NP-Za-km-z]{40,60}\Z")


def main():
    p = argparse.ArgumentParser(prog="scripts/new-network.sh", description=__doc__.split("\n\n")[0])
    p.add_argument("description", help="the network's description (.toml or .json; see docs/network.example.toml)")
    p.add_argument("--out", required=True, help="directory to write the network into (must not exist, or be empty)")
    p.add_argument("--node", default=os.environ.get("POLITY_NODE"), help="polity-node binary")
    p.add_argument("--rpc-base", type=int, default=9944, help="first local RPC port (zombienet, local runs)")
    p.add_argument("--p2p-base", type=int, default=30333, help="first local p2p port (zombienet, local runs)")
    p.add_argument("--prometheus-base", type=int, default=9615, help="first local Prometheus port")
    p.add_argument("--image", default="polity-node:local", help="container image in the compose file")
    args = p.parse_args()

    if not args.node or not os.access(args.node, os.X_OK):
        die("polity-node not found: build it (cargo build --release -p polity-node) or pass --node")
    desc = load_description(args.description)
    out = os.path.abspath(args.out)
    if os.path.exists(out) and os.listdir(out):
        die(f"{out} exists and is not empty: choose a new directory (secrets are never overwritten)")
    created = not os.path.exists(out)
    os.makedirs(out, exist_ok=True)
    try:
        build(args, desc, out)
    except SystemExit:
        # A description that cannot make a network leaves nothing behind: no half-made secrets.
        if created:
            shutil.rmtree(out, ignore_errors=True)
        else:
            for entry in os.listdir(out):
                path = os.path.join(out, entry)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        raise


def build(args, desc, out):
    secrets = private_dir(os.path.join(out, "secrets"))
    node = Node(args.node)

    name = desc.get("name") or die("the description needs a `name`")
    chain_id = desc.get("id") or die("the description needs an `id` (e.g. riverside_city)")
    if not re.match(r"^[a-z0-9_]+$", chain_id):
        die("`id` may hold only lowercase letters, digits and underscores")
    validators = desc.get("validators") or die("the description needs at least one [[validators]]")
    nodes = desc.get("nodes", [])
    regulators = desc.get("regulators", [])
    stakeholders = desc.get("stakeholders", [])
    endowment = int(desc.get("endowment", 10_000)) * UNIT

    # Every name in the description is one account with one fresh key, wherever it appears.
    accounts = {}
    order = []

    def account(who, address=None):
        if not NAME.match(who):
            die(f"name {who!r}: use lowercase letters, digits and dashes, starting with a letter (at most 32)")
        if who not in accounts:
            order.append(who)
            folder = private_dir(os.path.join(secrets, who))
            if address:
                if not SS58.match(str(address)):
                    die(f"{who}: address {address!r} is not an SS58 address")
                accounts[who] = {"address": address, "external": True}
            else:
                key = node.generate("sr25519")
                write_secret(os.path.join(folder, "account.json"), json.dumps({
                    "name": who, "address": key["ss58Address"], "publicKey": key["publicKey"],
                    "secretPhrase": key["secretPhrase"]}, indent=2) + "\n")
                accounts[who] = {"address": key["ss58Address"], "external": False}
        return accounts[who]["address"]

    for s in stakeholders:
        account(s["name"], s.get("address"))
    for r in regulators:
        account(r["name"], r.get("address"))

    # Nodes: validators first, then the other licensed nodes; each gets a network key and ports.
    all_nodes = []
    for i, v in enumerate(validators):
        all_nodes.append({"name": v["name"], "validator": True, "owner": v["name"], "host": v.get("host"),
                          "rpc": bool(v.get("rpc", False))})
    for n in nodes:
        if "owner" not in n:
            die(f"node {n.get('name')}: needs an `owner` (the account its licence is issued to)")
        all_nodes.append({"name": n["name"], "validator": False, "owner": n["owner"], "host": n.get("host"),
                          "rpc": bool(n.get("rpc", True))})
    if len({n["name"] for n in all_nodes}) != len(all_nodes):
        die("node names must be unique")
    # Names and hosts end up in paths, multiaddrs, TOML and YAML: only plain ones are taken.
    for n in all_nodes:
        if not NAME.match(n["name"]):
            die(f"node {n['name']!r}: use lowercase letters, digits and dashes, starting with a letter (at most 32)")
        if n["host"] is not None and not HOST.match(str(n["host"])):
            die(f"node {n['name']}: host {n['host']!r} is not a DNS name or an IPv4 address")

    progress(f"generating keys for {len(all_nodes)} nodes and their accounts")
    for i, n in enumerate(all_nodes):
        account(n["owner"])
        folder = private_dir(os.path.join(secrets, n["name"]))
        n["peer_id"] = node.node_key(os.path.join(folder, "node-key"))
        n["rpc_port"] = args.rpc_base + i
        n["p2p_port"] = args.p2p_base + i
        n["prometheus_port"] = args.prometheus_base + i
        n["listen"] = f"/ip4/0.0.0.0/tcp/30333" if n["host"] else f"/ip4/127.0.0.1/tcp/{n['p2p_port']}/ws"
        if n["validator"]:
            keystore = private_dir(os.path.join(folder, "keystore"))
            aura = node.generate("sr25519")
            grandpa = node.generate("ed25519")
            node.insert(keystore, aura, "aura")
            node.insert(keystore, grandpa, "gran")
            for f in os.listdir(keystore):
                os.chmod(os.path.join(keystore, f), 0o600)
            write_secret(os.path.join(folder, "session-keys.json"), json.dumps({
                "aura": {"publicKey": aura["publicKey"], "ss58": aura["ss58Address"], "secretPhrase": aura["secretPhrase"]},
                "grandpa": {"publicKey": grandpa["publicKey"], "ss58": grandpa["ss58Address"], "secretPhrase": grandpa["secretPhrase"]},
            }, indent=2) + "\n")
            n["aura"] = aura["ss58Address"]
            n["grandpa"] = grandpa["ss58Address"]
    by_name = {n["name"]: n for n in all_nodes}

    def peer_bytes(node_name):
        if node_name not in by_name:
            die(f"{node_name!r} is not a node of the description")
        return list(b58decode(by_name[node_name]["peer_id"]))

    # Scopes: the chain-wide scope first (it is scope 0 in the runtime), then the others.
    scope_specs = desc.get("scopes", [])
    chain_wide = next((s for s in scope_specs if s.get("name") == CHAIN_WIDE), None)
    default_period = int(desc.get("voting_period", 14_400))
    chain_wide_rule = voting_rule(chain_wide or {"weighting": "hybrid", "sector_balance": True}, default_period)
    scope_names = [CHAIN_WIDE] + [s["name"] for s in scope_specs if s.get("name") != CHAIN_WIDE]
    scopes = [[list(CHAIN_WIDE.encode()), chain_wide_rule]] + [
        [list(s["name"].encode()), voting_rule(s, default_period)] for s in scope_specs if s.get("name") != CHAIN_WIDE]

    def scope_id(scope_name):
        if scope_name not in scope_names:
            die(f"scope {scope_name!r} is not in [[scopes]]")
        return scope_names.index(scope_name)

    genesis_stakeholders = []
    for s in stakeholders:
        sector = SECTORS.get(str(s.get("sector", "")).lower()) or die(
            f"stakeholder {s['name']}: sector must be government, market or community")
        stakes = [[scope_id(k), int(v)] for k, v in s.get("stakes", {CHAIN_WIDE: 1}).items()]
        genesis_stakeholders.append([accounts[s["name"]]["address"], sector, stakes])

    genesis_regulators = []
    for r in regulators:
        j = r.get("jurisdiction", "chain")
        jurisdiction = None if j == "chain" else [scope_id(x) for x in j]
        genesis_regulators.append([accounts[r["name"]]["address"], jurisdiction,
                                   [peer_bytes(x) for x in r.get("nodes", [])]])

    safeguards = desc.get("safeguards", {})
    patch = {
        "balances": {"balances": [[accounts[a]["address"], endowment] for a in order if not accounts[a]["external"]]
                     + [[s["address"], int(s.get("endowment", 0)) * UNIT] for s in stakeholders + regulators
                        if s.get("address") and s.get("endowment")]},
        "session": {"keys": [[accounts[n["owner"]]["address"], accounts[n["owner"]]["address"],
                              {"aura": n["aura"], "grandpa": n["grandpa"]}] for n in all_nodes if n["validator"]]},
        "nodeAuthorization": {"nodes": [[list(b58decode(n["peer_id"])), accounts[n["owner"]]["address"]] for n in all_nodes]},
        "regulatoryNodes": {
            "regulators": genesis_regulators,
            "threshold": int(desc.get("regulator_threshold", max(1, (len(regulators) + 1) // 2))),
            "validators": [accounts[n["owner"]]["address"] for n in all_nodes if n["validator"]],
            "minValidators": int(desc.get("min_validators", max(1, len(validators) * 2 // 3 + 1))),
        },
        "stakeholderVoting": {
            "rootSafeguards": {
                "minVotingPeriod": int(safeguards.get("min_voting_period", 3 * 14_400)),
                "enactmentDelay": int(safeguards.get("enactment_delay", 14_400)),
                "confirmPeriod": int(safeguards.get("confirm_period", 600)),
            },
            "scopeSafeguards": [], "policies": [], "registrars": [],
            "scopes": scopes,
            "stakeholders": genesis_stakeholders,
        },
    }

    progress("building the chain spec from the runtime's local_testnet preset")
    base = json.loads(node.run("export-chain-spec", "--chain", "local"))
    preset = base["genesis"]["runtimeGenesis"]["patch"]
    for key in patch:
        preset[key] = patch[key]
    # Nobody holds sudo: the runtime of every chain but `--dev` has no sudo pallet at all (the
    # raw spec is still searched for its key below).
    base["name"] = name
    base["id"] = chain_id
    base["protocolId"] = desc.get("protocol_id", chain_id.replace("_", "-"))
    base["chainType"] = "Live"
    base["bootNodes"] = [boot_address(n) for n in all_nodes if n["validator"] or n["rpc"]]
    spec_path = os.path.join(out, "chain-spec.json")
    write_public(spec_path, json.dumps(base, indent=2) + "\n")
    raw = node.run("export-chain-spec", "--chain", spec_path, "--raw")
    raw_path = os.path.join(out, "chain-spec-raw.json")
    write_public(raw_path, raw)

    # What must hold: no dev key anywhere, nobody holds sudo, and no secret leaked into a spec.
    # The runtime's code is left out of the search: it carries the dev presets, whose keys may
    # stand in it as constants; what a network starts with is its genesis storage.
    raw_spec = json.loads(raw)
    storage = {k: v for k, v in raw_spec["genesis"]["raw"]["top"].items() if k != CODE_KEY}
    plain = dict(base)
    plain["genesis"] = {"patch": preset}
    lowered = (json.dumps(storage) + json.dumps(plain) + json.dumps(raw_spec["bootNodes"])).lower()
    for key in node.dev_keys():
        if key in lowered:
            die(f"the spec contains a development key ({key[:8]}…): refusing to write a network with it")
    if "0x" + SUDO_KEY_STORAGE in storage:
        die("the raw spec gives someone the sudo key")
    for root, _, files in os.walk(secrets):
        for f in files:
            text = open(os.path.join(root, f)).read()
            for phrase in re.findall(r'"secretPhrase": "([^"]+)"', text):
                if phrase in lowered:
                    die("a secret phrase ended up in the spec")

    network = {
        "name": name, "id": chain_id, "chainSpec": "chain-spec-raw.json",
        "accounts": {a: accounts[a]["address"] for a in order},
        "nodes": [{k: n[k] for k in ("name", "validator", "owner", "peer_id", "rpc_port", "p2p_port", "prometheus_port", "listen", "rpc")
                   if k in n} | ({"aura": n["aura"], "grandpa": n["grandpa"]} if n["validator"] else {}) for n in all_nodes],
        "scopes": scope_names,
    }
    light = [light_address(n) for n in all_nodes if serves_light_clients(n)]
    if light:
        # The portal's light client starts from this spec: the same genesis, and boot nodes a
        # browser can dial (the non-validator RPC nodes, which serve light clients).
        progress(f"writing the light clients' chain spec ({len(light)} WebSocket boot node(s))")
        tool = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "light-client-spec.mjs")
        cmd = ["node", tool, "--spec", raw_path, "--out", os.path.join(out, "chain-spec-light.json")]
        for addr in light:
            cmd += ["--bootnode", addr]
        if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
            die("the light clients' chain spec could not be written")
        os.chmod(os.path.join(out, "chain-spec-light.json"), 0o644)
        network["lightClientSpec"] = "chain-spec-light.json"
    write_public(os.path.join(out, "network.json"), json.dumps(network, indent=2) + "\n")
    write_public(os.path.join(out, "zombienet.toml"), zombienet_file(all_nodes, out))
    write_public(os.path.join(out, "docker-compose.yml"), compose_file(all_nodes, name, args.image))
    write_public(os.path.join(out, "prometheus.yml"), prometheus_file(all_nodes, chain_id))
    shutil.copy(args.description, os.path.join(out, "description" + os.path.splitext(args.description)[1]))
    print(json.dumps({"out": out, "chainSpec": raw_path, "nodes": len(all_nodes), "accounts": len(order)}))


def serves_light_clients(n):
    """Non-validator nodes that serve RPC also serve light clients (validators never do)."""
    return not n["validator"] and bool(n.get("rpc"))


def light_address(n):
    # A hosted node serves light clients on WebSocket port 30334; a local one listens on WebSocket.
    if n["host"]:
        proto = "ip4" if re.match(r"^\d+\.\d+\.\d+\.\d+$", n["host"]) else "dns"
        return f"/{proto}/{n['host']}/tcp/30334/ws/p2p/{n['peer_id']}"
    return boot_address(n)


def boot_address(n):
    # A node with a host listens on TCP 30333 there; a local one (zombienet) on WebSocket.
    if n["host"]:
        proto = "ip4" if re.match(r"^\d+\.\d+\.\d+\.\d+$", n["host"]) else "dns"
        return f"/{proto}/{n['host']}/tcp/30333/p2p/{n['peer_id']}"
    return f"/ip4/127.0.0.1/tcp/{n['p2p_port']}/ws/p2p/{n['peer_id']}"


def zombienet_file(all_nodes, out):
    lines = [
        "# Generated by scripts/new-network.sh: this network under zombienet (native provider), on",
        "# loopback. Each node uses its own generated network key and keystore from secrets/; the raw",
        "# spec is used as it is, so zombienet adds no keys of its own.",
        "#",
        "#   POLITY_NODE=…/polity-node zombienet/node_modules/.bin/zombienet -p native spawn zombienet.toml",
        "",
        "[settings]",
        "timeout = 900",
        'provider = "native"',
        "",
        "[relaychain]",
        'default_command = "{{POLITY_NODE}}"',
        f'chain_spec_path = "{out}/chain-spec-raw.json"',
        'chain = "' + json.load(open(os.path.join(out, "chain-spec-raw.json")))["id"] + '"',
    ]
    for n in all_nodes:
        args = ["-:--node-key", "-:--bootnodes", f"--node-key-file={out}/secrets/{n['name']}/node-key"]
        if n["validator"]:
            args.append(f"--keystore-path={out}/secrets/{n['name']}/keystore")
        else:
            args.append("--offchain-worker=always")
            if serves_light_clients(n):
                args.append("--serve-light-clients")
        for m in all_nodes:
            if m is not n:
                args.append(f"--reserved-nodes=/ip4/127.0.0.1/tcp/{m['p2p_port']}/ws/p2p/{m['peer_id']}")
        lines += [
            "",
            "  [[relaychain.nodes]]",
            f'  name = "{n["name"]}"',
            f"  validator = {'true' if n['validator'] else 'false'}",
            f"  rpc_port = {n['rpc_port']}",
            f"  p2p_port = {n['p2p_port']}",
            f"  prometheus_port = {n['prometheus_port']}",
            "  args = [",
            *[f'    "{a}",' for a in args],
            "  ]",
        ]
    return "\n".join(lines) + "\n"


def compose_file(all_nodes, name, image):
    boot = [f"/dns/{n['name']}/tcp/30333/p2p/{n['peer_id']}" for n in all_nodes if n["validator"]]
    lines = [
        f"# Generated by scripts/new-network.sh: {name} in containers, one service per node.",
        "#",
        "#   docker build -f docker/Dockerfile -t " + image + " .   (or docker/Dockerfile.host)",
        "#   sudo chown -R 1000:1000 secrets    # the image runs as uid 1000; secrets stay 0600",
        "#   docker compose up -d",
        "#",
        "# Validators keep RPC on their own loopback (the node refuses --rpc-external for them); the",
        "# other nodes serve safe RPC methods only.",
        "",
        "x-node: &node",
        f"  image: {image}",
        "  restart: unless-stopped",
        "",
        "services:",
    ]
    for i, n in enumerate(all_nodes):
        cmd = ["--chain /polity/chain-spec-raw.json", f"--name {n['name']}",
               "--node-key-file /polity/secrets/node-key", "--prometheus-external"]
        if n["validator"]:
            cmd += ["--validator", "--keystore-path /polity/secrets/keystore"]
        else:
            cmd += ["--offchain-worker always"]
            if n["rpc"]:
                cmd += ["--rpc-external", "--rpc-methods safe", "--rpc-cors all"]
            if serves_light_clients(n):
                cmd += ["--serve-light-clients", "--listen-addr /ip4/0.0.0.0/tcp/30333", "--listen-addr /ip4/0.0.0.0/tcp/30334/ws"]
        cmd += [f"--bootnodes {b}" for b in boot if n["peer_id"] not in b]
        lines += [
            f"  {n['name']}:",
            "    <<: *node",
            "    command: >",
            *[f"      {c}" for c in cmd],
            "    volumes:",
            f"      - {n['name']}-data:/data",
            "      - ./chain-spec-raw.json:/polity/chain-spec-raw.json:ro",
            f"      - ./secrets/{n['name']}:/polity/secrets",
        ]
        ports = [f'"{30333 + i}:30333"']
        if not n["validator"] and n["rpc"]:
            ports.append(f'"{9944 + i}:9944"')
        if serves_light_clients(n):
            ports.append(f'"{31333 + i}:30334"')
        lines.append(f"    ports: [{', '.join(ports)}]")
    lines += ["", "volumes:"] + [f"  {n['name']}-data: {{}}" for n in all_nodes]
    return "\n".join(lines) + "\n"


def prometheus_file(all_nodes, chain_id):
    targets = ", ".join(f'"127.0.0.1:{n["prometheus_port"]}"' for n in all_nodes)
    return "\n".join([
        "# Generated by scripts/new-network.sh: scrapes every node of this network on loopback (for the",
        "# compose file, use the service names and port 9615 instead).",
        "global:",
        "  scrape_interval: 5s",
        "scrape_configs:",
        f"  - job_name: {chain_id}",
        f"    static_configs:",
        f"      - targets: [{targets}]",
    ]) + "\n"


if __name__ == "__main__":
    main()
