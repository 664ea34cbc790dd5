#!/usr/bin/env python3
"""Adds N endowed accounts to a chain spec (plain JSON, genesis patch): a state the size of a
chain in use, for `benchmark storage` (a fresh dev chain holds 69 keys, too few to measure the
trie's depth).

    scripts/populated-spec.py SPEC N > OUT
"""
import hashlib
import json
import random
import sys

ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'


def base58(data: bytes) -> str:
    n = int.from_bytes(data, 'big')
    out = ''
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return '1' * (len(data) - len(data.lstrip(b'\0'))) + out


def ss58(public: bytes, prefix: int = 42) -> str:
    body = bytes([prefix]) + public
    checksum = hashlib.blake2b(b'SS58PRE' + body, digest_size=64).digest()[:2]
    return base58(body + checksum)


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ('-h', '--help') else 2)
    spec = json.load(open(sys.argv[1]))
    count = int(sys.argv[2])
    rng = random.Random(7)
    balances = spec['genesis']['runtimeGenesis']['patch']['balances']['balances']
    balances += [[ss58(rng.randbytes(32)), 10**15] for _ in range(count)]
    json.dump(spec, sys.stdout)


main()
