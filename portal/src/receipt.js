// Checking an ownership receipt in the browser, with the one verifier Polity has: `polity-receipt`
// (what `polity-node verify-receipt` runs), compiled to wasm (scripts/build-verifier.sh). Its
// trust root is the chain spec served with the portal — the genesis and its GRANDPA authorities —
// and it follows every authority-set change the receipt carries from there, checks the
// justification, the header and the storage proof of the record. No node is asked anything, so
// no node (not even one the page trusts with `?rpc=`) can make a forged receipt pass.

import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';
import init, { verifyReceipt } from './verifier/polity_receipt_wasm.js';
import { chain, chainSpecText } from './chain.js';
import { t } from './i18n.js';
import { label } from './accounts.js';

export async function hashFile(file) {
  return blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256);
}

let ready = null;

/** The verifier's words for each broken link it names (`Link` in polity-receipt). */
function brokenWords({ link, detail }) {
  switch (link) {
    case 'ForgedHeader': return t('v.headerBad');
    case 'RecordMismatch': return t('v.recordBad');
    case 'ProofTampered': case 'ProofForAnotherKey': case 'NotRegistered':
      return t('v.proofBad', { why: link === 'NotRegistered' ? t('v.notInProof') : detail });
    case 'WrongChain': return t('v.wrongChain');
    case 'ReceiptFormat': return t('v.badFile', { why: detail });
    case 'TrustRoot': return t('v.badSpec', { why: detail });
    default: return t('v.justificationBad', { why: `${link}: ${detail}` });
  }
}

/**
 * Checks `receipt` (its JSON text) and optionally `file`; returns { valid, lines: [{ ok, text }] }.
 */
export async function checkReceipt(receiptText, file) {
  const lines = [];
  let valid = true;
  const add = (ok, text) => { lines.push({ ok, text }); valid = valid && ok; };
  let receipt;
  try {
    receipt = JSON.parse(receiptText);
  } catch (e) {
    return { valid: false, lines: [{ ok: false, text: t('v.badFile', { why: e.message }) }] };
  }
  if (file) {
    const hash = await hashFile(file);
    add(hash === receipt.contentHash, hash === receipt.contentHash ? t('v.fileMatches') : t('v.fileDiffers', { hash }));
  }
  const spec = await chainSpecText();
  if (!spec) {
    add(false, t('v.noSpec'));
    return { valid, lines };
  }
  ready ??= init();
  await ready;
  const verdict = JSON.parse(verifyReceipt(receiptText, spec));
  if (!verdict.valid) {
    add(false, brokenWords(verdict));
    return { valid, lines, verdict };
  }
  add(true, t('v.header'));
  const owner = encodeAddress(verdict.record.owner, chain.api.registry.chainSS58);
  add(true, t('v.onChain', { owner: label(owner) }));
  add(true, t('v.finalized', { n: verdict.blockNumber, set: verdict.setId, at: verdict.finalizedNumber }));
  add(true, t('v.trustRoot', { genesis: `${verdict.genesisHash.slice(0, 10)}…` }));
  if (chain.genesis && verdict.genesisHash !== chain.genesis) add(false, t('v.otherChain'));
  return { valid, lines, verdict };
}
