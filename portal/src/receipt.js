// Checking an ownership receipt in the browser: the file's hash, the header's hash, the record
// in the state root that header commits to (the receipt's storage proof, read here), the
// block's place in the chain of the connected node and its finality there, and the GRANDPA
// signatures over it (current authority set). (`polity-node
// verify-receipt` checks the same receipt trusting nothing but the chain spec.)

import { blake2AsHex, blake2AsU8a, ed25519Verify, xxhashAsU8a } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat, bnToU8a, u8aToHex } from '@polkadot/util';
import { ApiPromise } from '@polkadot/api';
import { chain, specUrl } from './chain.js';
import { t } from './i18n.js';
import { label } from './accounts.js';
import { readProof } from './trie.js';

export async function hashFile(file) {
  return blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256);
}

const u64 = (n) => bnToU8a(BigInt(n), { bitLength: 64, isLe: true });
const u32 = (n) => bnToU8a(BigInt(n), { bitLength: 32, isLe: true });

/** The message a GRANDPA voter signs for a precommit: (Message::Precommit, round, set id). */
function precommitMessage(targetHash, targetNumber, round, setId) {
  return u8aConcat(new Uint8Array([1]), hexToU8a(targetHash), u32(targetNumber), u64(round), u64(setId));
}

/** A runtime call, asked again a few times: a light client's peer may not yet hold a fresh block. */
async function again(call, tries = 5) {
  for (let i = 1; ; i += 1) {
    try {
      return await call();
    } catch (e) {
      if (i >= tries) throw e;
      console.warn(`retrying (${i}): ${e.message}`);
      await new Promise((r) => setTimeout(r, 1000 * i));
    }
  }
}

let verifier = null;

/**
 * The client whose word on finality the check takes: the page's light client; or, when the page
 * trusts a node but a chain spec is served, a light client started for this check — so a lying
 * node cannot make a forged receipt pass (the trust root stays the spec). `trusted` says which.
 */
export async function finalityClient() {
  if (chain.mode === 'light') return { api: chain.api, trusted: false };
  verifier ??= (async () => {
    try {
      const { lightProvider, loadChainSpec } = await import('./light.js');
      const { text } = await loadChainSpec(specUrl());
      const provider = lightProvider(text);
      await provider.connect();
      return await ApiPromise.create({ provider, noInitWarn: true, signedExtensions: { CheckFirewall: { extrinsic: {}, payload: {} } } });
    } catch (e) {
      console.warn(`no light client for receipts (${e.message}): finality is taken from ${chain.url}`);
      return null;
    }
  })();
  const api = await verifier;
  return api ? { api, trusted: false } : { api: chain.api, trusted: true };
}

async function checkJustification(api, receipt, lines) {
  // The authority set from the runtime (GrandpaApi): a call a light client proves like any other.
  const j = api.registry.createType('GrandpaJustification', hexToU8a(receipt.finality.justification));
  const currentSet = Number((await again(() => api.call.grandpaApi.currentSetId())).toString());
  if (Number(receipt.setId) !== currentSet) {
    // An earlier authority set: following its changes needs the chain spec (the CLI does).
    lines.push({ ok: true, text: t('v.olderSet', { set: receipt.setId }) });
    return true;
  }
  const authorities = (await again(() => api.call.grandpaApi.grandpaAuthorities())).map(([id]) => id.toHex());
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
  const { api, trusted } = await finalityClient();
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
  const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  // A light client keeps only recent blocks: for an older one the GRANDPA signatures below,
  // checked against the authority set it verified, are what proves the block final.
  const canonical = await api.rpc.chain.getBlockHash(n).then((h) => h.toHex(), () => null);
  const known = canonical != null && !/^0x0+$/.test(canonical);
  if (known && canonical !== receipt.blockHash) add(false, t('v.notCanonical', { n }));
  else if (n > finalized) add(false, t('v.notFinal', { n }));
  else if (known) add(true, t('v.canonical', { n }));
  else if (trusted) add(false, t('v.notCanonical', { n }));
  // The record, from the storage proof against the header's state root: no node needed.
  const key = u8aConcat(xxhashAsU8a('DataOwnership', 128), xxhashAsU8a('Records', 128), blake2AsU8a(hexToU8a(receipt.contentHash), 128), hexToU8a(receipt.contentHash));
  let proven = null;
  let why = '';
  try {
    const header = api.registry.createType('Header', hexToU8a(receipt.header));
    proven = readProof(header.stateRoot.toU8a(), (receipt.proof ?? []).map((n) => hexToU8a(n)), key);
  } catch (e) { why = e.message; }
  if (!proven) add(false, t('v.proofBad', { why: why || t('v.notInProof') }));
  else if (u8aToHex(proven) !== receipt.record) add(false, t('v.recordBad'));
  else {
    const recordType = api.registry.createLookupType(api.query.dataOwnership.records.creator.meta.type.asMap.value);
    const owner = api.registry.createType(recordType, proven).owner.toString();
    add(true, t('v.onChain', { owner: label(owner) }));
  }
  if (valid) {
    try {
      valid = (await checkJustification(api, receipt, lines)) && valid;
    } catch (e) {
      add(false, t('v.justificationBad', { why: e.message }));
    }
  }
  return { valid, lines, trusted };
}
