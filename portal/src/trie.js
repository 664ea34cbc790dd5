// Reads one key from a Substrate storage proof (trie layout V1, BLAKE2-256), so the browser
// checks a receipt's record against the state root in its block header without asking a node.

import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex, u8aEq } from '@polkadot/util';

const nibblesOf = (bytes) => Array.from(bytes).flatMap((b) => [b >> 4, b & 15]);

class Reader {
  constructor(bytes) { this.b = bytes; this.i = 0; }
  byte() {
    if (this.i >= this.b.length) throw new Error('proof node ends early');
    return this.b[this.i++];
  }
  take(n) {
    if (this.i + n > this.b.length) throw new Error('proof node ends early');
    const out = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return out;
  }
  compact() {
    const first = this.b[this.i];
    const mode = first & 3;
    if (mode === 0) { this.i += 1; return first >> 2; }
    if (mode === 1) { const v = this.take(2); return (v[0] | (v[1] << 8)) >> 2; }
    if (mode === 2) { const v = this.take(4); return ((v[0] | (v[1] << 8) | (v[2] << 16)) >>> 2) + v[3] * 2 ** 22; }
    throw new Error('length too large for a proof node');
  }
}

/** Decodes one trie node: { partial: nibbles, value?: {inline|hash}, children?: [ref|null × 16] }. */
function decodeNode(bytes) {
  const r = new Reader(bytes);
  const head = r.byte();
  let kind;
  let mask;
  if (head === 0) return { kind: 'empty', partial: [] };
  if ((head & 0xc0) === 0x40) [kind, mask] = ['leaf', 0x3f];
  else if ((head & 0xc0) === 0x80) [kind, mask] = ['branch', 0x3f];
  else if ((head & 0xc0) === 0xc0) [kind, mask] = ['branchValue', 0x3f];
  else if ((head & 0xe0) === 0x20) [kind, mask] = ['leafHashed', 0x1f];
  else if ((head & 0xf0) === 0x10) [kind, mask] = ['branchHashed', 0x0f];
  else throw new Error('unknown proof node');
  let size = head & mask;
  if (size === mask) {
    for (;;) {
      const b = r.byte();
      size += b;
      if (b < 255) break;
    }
  }
  const keyBytes = r.take(Math.ceil(size / 2));
  const partial = nibblesOf(keyBytes).slice(size % 2);
  const readValue = (hashed) => (hashed ? { hash: r.take(32) } : { inline: r.take(r.compact()) });
  if (kind === 'leaf' || kind === 'leafHashed') return { kind: 'leaf', partial, value: readValue(kind === 'leafHashed') };
  const bitmap = r.byte() | (r.byte() << 8);
  const value = kind === 'branch' ? null : readValue(kind === 'branchHashed');
  const children = [];
  for (let i = 0; i < 16; i += 1) {
    if (!(bitmap & (1 << i))) { children.push(null); continue; }
    const len = r.compact();
    const data = r.take(len);
    children.push(len === 32 ? { hash: data } : { inline: data });
  }
  return { kind: 'branch', partial, value, children };
}

/**
 * The value stored under `key` in the trie with root `root`, proven by `proof` (encoded nodes);
 * null if the proof shows the key absent. Throws if the proof lacks a node on the key's path.
 */
export function readProof(root, proof, key) {
  const nodes = new Map(proof.map((n) => [u8aToHex(blake2AsU8a(n, 256)), n]));
  const lookup = (hash) => {
    const n = nodes.get(u8aToHex(hash));
    if (!n) throw new Error('the proof lacks a node of the key\'s path (tampered, or for another key)');
    return n;
  };
  const valueOf = (v) => (v.inline ? v.inline : lookup(v.hash));
  let rest = nibblesOf(key);
  let node = decodeNode(lookup(root));
  for (;;) {
    if (node.kind === 'empty') return null;
    const p = node.partial;
    if (rest.length < p.length || p.some((x, i) => rest[i] !== x)) return null;
    rest = rest.slice(p.length);
    if (node.kind === 'leaf') return rest.length === 0 ? valueOf(node.value) : null;
    if (rest.length === 0) return node.value ? valueOf(node.value) : null;
    const child = node.children[rest[0]];
    if (!child) return null;
    rest = rest.slice(1);
    node = decodeNode(child.inline ?? lookup(child.hash));
  }
}

export const sameBytes = u8aEq;
