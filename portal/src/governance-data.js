// Reads shared by the pages: scopes, proposals, and the chain's limits.

import { blake2AsHex } from '@polkadot/util-crypto';
import { chain, num, read } from './chain.js';

const scopeCache = new Map();

/** Every scope: { id, name, rule, totals }. */
export async function allScopes() {
  const next = num(await chain.api.query.stakeholderVoting.nextScopeId());
  const ids = Array.from({ length: next }, (_, i) => i);
  const list = await Promise.all(ids.map((id) => read('stakeholderVoting_scope', [id])));
  for (const s of list) if (s) scopeCache.set(s.id, s);
  return list.filter(Boolean);
}

export async function scopeName(id) {
  if (!scopeCache.has(id)) {
    const s = await read('stakeholderVoting_scope', [id]);
    if (s) scopeCache.set(id, s);
  }
  return scopeCache.get(id)?.name ?? `#${id}`;
}

export const proposal = (index) => read('stakeholderVoting_proposal', [index]);

/** A page of a scope's proposals (newest first), each with its full view. */
export async function proposalsIn(scope, filter = 'Any', before = null, limit = 20) {
  const page = await read('stakeholderVoting_proposalsIn', [scope, filter, before, limit]);
  const items = await Promise.all(page.items.map(proposal));
  return { items: items.filter(Boolean), next: page.next };
}

/** Limits from the runtime's metadata, checked before anything is signed. */
export function limits() {
  const c = chain.api.consts;
  return {
    proposalTitle: num(c.stakeholderVoting.maxTitleLen),
    description: num(c.stakeholderVoting.maxDescriptionLen),
    recordTitle: num(c.dataOwnership.maxTitleLen),
    mediaType: num(c.dataOwnership.maxMediaTypeLen),
    uri: num(c.dataOwnership.maxUriLen),
    batch: num(c.dataOwnership.maxBatch),
  };
}

export const hashText = (text) => blake2AsHex(new TextEncoder().encode(text), 256);
