// Signing and sending with feedback a person can follow: signing → in block → finalized, or an
// error in words (never a raw dispatch error).

import { chain } from './chain.js';
import { currentAccount, signerOf } from './accounts.js';
import { t, errorWords } from './i18n.js';

/** Polity's firewall rejects a frozen account's transaction with this custom code. */
const ACCOUNT_FROZEN = 1;

/** Words for a failed dispatch: Polity's own words where we have them, else the chain's docs. */
export function explainDispatch(dispatchError) {
  const api = chain.api;
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    const key = `${meta.section}.${meta.name}`;
    return errorWords(key) ?? `${meta.docs.join(' ').trim() || meta.name}`;
  }
  if (dispatchError.isBadOrigin) return errorWords('BadOrigin') ?? 'This account may not do this.';
  if (dispatchError.isToken) return errorWords('Payment') ?? 'Not enough balance.';
  return dispatchError.type;
}

/** Words for a dispatch error as the node's JSON prints it (e.g. a failed enactment). */
export function explainJsonError(error) {
  if (typeof error === 'string') return errorWords(error) ?? error;
  try {
    return explainDispatch(chain.api.createType('DispatchError', error));
  } catch (_) {
    return JSON.stringify(error);
  }
}

/** Words for an error thrown before inclusion (signing, the transaction pool). */
export function explainError(e) {
  const msg = String(e?.message ?? e);
  if (/Custom error: ?1\b/.test(msg) || /Custom\(1\)/.test(msg)) return errorWords('regulatoryNodes.AccountFrozen');
  if (/Inability to pay some fees|Payment/i.test(msg)) return errorWords('Payment');
  if (/outdated|Stale/i.test(msg)) return errorWords('Stale');
  if (/Cancelled|Rejected by user/i.test(msg)) return errorWords('Cancelled');
  return msg.replace(/^\d+: /, '');
}

/**
 * Words for what would refuse `tx` from `address` now, asked of the runtime before anything is
 * signed (`WhyRefusedApi`: the chain runs the transaction on a copy of its state and names what
 * stopped it, by the name it would give on chain); null when nothing would.
 */
export async function whyRefused(address, tx) {
  return (await refusalOf(address, tx))?.words ?? null;
}

/** The refusal as { key: 'pallet.Error' or 'Error', words }, or null when nothing would refuse. */
export async function refusalOf(address, tx) {
  const api = chain.api;
  if (!api.call.whyRefusedApi) return null; // a runtime from before the API
  const answer = await api.call.whyRefusedApi.whyRefused(address, tx.method);
  if (answer.isNone) return null;
  const { pallet, error } = answer.unwrap();
  const name = error.toString();
  if (pallet.isNone) return { key: name, words: errorWords(name) ?? name };
  const p = pallet.unwrap().toString();
  const section = `${p[0].toLowerCase()}${p.slice(1)}`;
  const docs = api.errors[section]?.[name]?.meta.docs.join(' ').trim();
  return { key: `${section}.${name}`, words: errorWords(`${section}.${name}`) ?? (docs || `${p}.${name}`) };
}

/**
 * Signs `tx` with the chosen account and sends it. `onStatus({ kind, text })` is called on each
 * step; resolves with { blockHash, blockNumber, events } once finalized, rejects with words.
 */
export async function submit(tx, onStatus = () => {}) {
  const account = currentAccount();
  if (!account) throw new Error(t('tx.needAccount'));
  const refused = await whyRefused(account.address, tx).catch(() => null);
  if (refused) {
    onStatus({ kind: 'error', text: t('tx.refused', { reason: refused }) });
    throw new Error(refused);
  }
  onStatus({ kind: 'pending', text: t('tx.signing') });
  const { from, options } = await signerOf(account);
  return new Promise((resolve, reject) => {
    let unsub;
    let inBlock = false;
    const fail = (reason) => {
      if (unsub) unsub();
      onStatus({ kind: 'error', text: t('tx.failed', { reason }) });
      reject(new Error(reason));
    };
    tx.signAndSend(from, options, async (result) => {
      const { status, dispatchError, events } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) return fail(status.type);
      if (status.isReady || status.isBroadcast) onStatus({ kind: 'pending', text: t('tx.ready') });
      if (status.isInBlock && !inBlock) {
        inBlock = true;
        if (dispatchError) return fail(explainDispatch(dispatchError));
        const header = await chain.api.rpc.chain.getHeader(status.asInBlock);
        onStatus({ kind: 'pending', text: t('tx.inBlock', { n: header.number.toNumber() }), inBlock: true });
      }
      if (status.isFinalized) {
        if (unsub) unsub();
        if (dispatchError) return fail(explainDispatch(dispatchError));
        const header = await chain.api.rpc.chain.getHeader(status.asFinalized);
        const n = header.number.toNumber();
        onStatus({ kind: 'ok', text: t('tx.finalized', { n }) });
        resolve({ blockHash: status.asFinalized.toHex(), blockNumber: n, events });
      }
    }).then((u) => { unsub = u; }, (e) => fail(explainError(e)));
  });
}

/** Checks `value` (a string) against a byte limit from the chain's metadata; words or null. */
export function overLimit(field, value, max, { required = false } = {}) {
  const n = new TextEncoder().encode(value).length;
  if (required && n === 0) return t('err.empty', { field });
  if (n > max) return t('err.limit', { field, n, max });
  return null;
}
