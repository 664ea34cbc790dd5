#!/usr/bin/env python3
"""The vendored crates differ from their pinned crates.io source only where their README says.

For each crate under vendor/ (listed in VENDORED with its crates.io version and the SHA-256 of
its .crate file, as the crates.io index records it), fetches the .crate once into
~/.cache/polity/crates (checking its hash), unpacks it and compares it with the vendored copy:
the files that differ must be exactly the ones its README.polity.md names in backticks
(`src/...`), and nothing may be added or removed but that README. Prints the diff it allows.
Exits 1 naming any other difference. Without network and without a cached copy it says so and
exits 0: the check cannot run, which is not a finding.

  python3 tools/check-vendored.py      (scripts/test.sh runs this)
"""
import difflib
import hashlib
import io
import pathlib
import re
import sys
import tarfile
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
CACHE = pathlib.Path.home() / ".cache" / "polity" / "crates"
VENDORED = {
    "sc-rpc-server": ("33.0.0", "0a624207359f5836f68a3c936916f58abbeaf8e69adc05ec0f215da88c93ad67"),
}
# Files cargo adds when packaging, absent from a vendored copy.
PACKAGING = {".cargo_vcs_info.json", "Cargo.lock", "Cargo.toml.orig"}
OURS = {"README.polity.md"}


def crate_bytes(name: str, version: str, sha256: str) -> bytes | None:
    path = CACHE / f"{name}-{version}.crate"
    if not path.exists():
        url = f"https://static.crates.io/crates/{name}/{name}-{version}.crate"
        try:
            data = urllib.request.urlopen(url, timeout=30).read()
        except OSError as e:
            print(f"{name}: cannot fetch {url} ({e}) and no cached copy: check not run")
            return None
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        path.unlink()
        raise SystemExit(f"{name}-{version}.crate: hash differs from the crates.io index's")
    return data


def main() -> int:
    problems = []
    for name, (version, sha256) in VENDORED.items():
        data = crate_bytes(name, version, sha256)
        if data is None:
            continue
        prefix = f"{name}-{version}/"
        upstream = {}
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.startswith(prefix):
                    rel = member.name[len(prefix):]
                    if rel not in PACKAGING:
                        upstream[rel] = tar.extractfile(member).read()
        vendor_dir = ROOT / "vendor" / name
        vendored = {
            str(p.relative_to(vendor_dir)): p.read_bytes()
            for p in vendor_dir.rglob("*")
            if p.is_file() and p.name not in OURS
        }
        readme = (vendor_dir / "README.polity.md").read_text()
        declared = set(re.findall(r"`((?:src|benches|tests)/[\w/.-]+\.rs)`", readme))
        for rel in sorted(set(upstream) - set(vendored)):
            problems.append(f"vendor/{name}: {rel} removed")
        for rel in sorted(set(vendored) - set(upstream)):
            problems.append(f"vendor/{name}: {rel} added")
        changed = {rel for rel in set(upstream) & set(vendored) if upstream[rel] != vendored[rel]}
        for rel in sorted(changed - declared):
            problems.append(f"vendor/{name}: {rel} differs from {name} {version}, and its README does not say so")
        for rel in sorted(declared - changed):
            problems.append(f"vendor/{name}: README.polity.md names {rel}, which does not differ")
        for rel in sorted(changed & declared):
            diff = difflib.unified_diff(
                upstream[rel].decode().splitlines(), vendored[rel].decode().splitlines(),
                f"{name}-{version}/{rel}", f"vendor/{name}/{rel}", lineterm="", n=0)
            print("\n".join(diff))
        print(f"vendor/{name}: {len(changed)} file(s) differ from crates.io {name} {version}, "
              f"as its README says" if not problems else "")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
