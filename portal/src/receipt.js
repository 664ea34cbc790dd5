// Checking an ownership receipt in the browser, against the node this portal is connected to:
// the file's hash, the header's hash, the block's place in this chain and its finality, the
// record in that block's state, and the GRANDPA signatures over it. (`polity-node
// verify-receipt` checks the same receipt trusting nothing but the chain spec.)

import { blake2AsHex, ed25519Verify } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat, bnToU8a, u8aToHex } from '@polkadot/util';
import { chain } from './chain.js';
import { t } from './i18n.js';
import { label } from './accounts.js';

export async function hashFile(file) {
  return blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256);
}

const u64 = (n) => bnToU8a(BigInt(n), { bitLength: 64, isLe: true });
const u32 = (n) => bnToU8a(BigInt(n), { bitLength: 32, isLe: true });

/** The message a GRANDPA voter signs for a precommit: (Message::Precommit, round, set id). */
function precommitMessage(targetHash, targetNumber, round, setId) {
  return u8aConcat(new Uint8Array([1]), hexToU8a(targetHash), u32(targetNumber), u64(round), u64(setId));
}

async function checkJustification(receipt, lines) {
  const api = chain.api;
  const j = api.registry.createType('GrandpaJustification', hexToU8a(receipt.finality.justification));
  const currentSet = Number((await api.query.grandpa.currentSetId()).toString());
  if (Number(receipt.setId) !== currentSet) return true; // an earlier set: the CLI checks that chain of sets
  const authorities = (await api.query.grandpa.authorities()).map(([id]) => id.toHex());
  const seen = new Set();
  for (const p of j.commit.precommits) {
    const id = p.id.toHex();
    if (!authorities.includes(id) || seen.has(id)) continue;
    const msg = precommitMessage(p.precommit.targetHash.toHex(), p.precommit.targetNumber.toNumber(), j.round.toString(), receipt.setId);
    if (ed25519Verify(msg, p.signature.toU8a(), hexToU8a(id))) seen.add(id);
  }
  const total = authorities.length;
  const needed = total - Math.floor((total - 1) / 3);
  const ok = seen.size >= needed;
  const target = j.commit.targetNumber.toNumber();
  const covers = target >= receipt.blockNumber;
  lines.push({ ok: ok && covers, text: ok && covers ? t('v.justification', { signed: seen.size, total, needed }) : t('v.justificationBad', { why: covers ? t('v.justification', { signed: seen.size, total, needed }) : `#${target} < #${receipt.blockNumber}` }) });
  return ok && covers;
}

/**
 * Checks `receipt` (parsed JSON) and optionally `file`; returns { valid, lines: [{ ok, text }] }.
 */
export async function checkReceipt(receipt, file) {
  const api = chain.api;
  const lines = [];
  for (const key of ['contentHash', 'blockHash', 'blockNumber', 'header', 'record', 'finality']) {
    if (receipt?.[key] == null) return { valid: false, lines: [{ ok: false, text: t('v.badFile', { why: `no ${key}` }) }] };
  }
  let valid = true;
  const add = (ok, text) => { lines.push({ ok, text }); valid = valid && ok; };
  if (file) {
    const hash = await hashFile(file);
    add(hash === receipt.contentHash, hash === receipt.contentHash ? t('v.fileMatches') : t('v.fileDiffers', { hash }));
  }
  const headerOk = blake2AsHex(hexToU8a(receipt.header), 256) === receipt.blockHash;
  add(headerOk, headerOk ? t('v.header') : t('v.headerBad'));
  const n = Number(receipt.blockNumber);
  const canonical = (await api.rpc.chain.getBlockHash(n)).toHex();
  const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  if (canonical !== receipt.blockHash) add(false, t('v.notCanonical', { n }));
  else if (n > finalized) add(false, t('v.notFinal', { n }));
  else add(true, t('v.canonical', { n }));
  if (valid) {
    let stored;
    try {
      stored = await api.query.dataOwnership.records.at(receipt.blockHash, receipt.contentHash);
    } catch (_) {
      // That block's state is pruned on this node: the record's fields still must match today's.
      stored = await api.query.dataOwnership.records(receipt.contentHash);
    }
    const same = stored.isSome && u8aToHex(stored.unwrap().toU8a()) === receipt.record;
    const owner = stored.isSome ? stored.unwrap().owner.toString() : '—';
    add(same, same ? t('v.onChain', { owner: label(owner) }) : t('v.recordBad'));
    try {
      valid = (await checkJustification(receipt, lines)) && valid;
    } catch (e) {
      add(false, t('v.justificationBad', { why: e.message }));
    }
  }
  return { valid, lines };
}
