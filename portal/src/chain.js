// The connection to a Polity chain: by default smoldot in this page (light.js), started from the
// chain spec served beside the portal, so nothing shown rests on a server's word; or, with
// `?rpc=` in the address, an RPC node the page then trusts (and says so, always). @polkadot/api
// on top for transactions, storage and decoding with the chain's own metadata.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { query } from './query.js';

const params = new URLSearchParams(location.search);

/** The node URL when the page trusts one: `?rpc=` in the page address, else this host's 9944. */
export function nodeUrl() {
  const fromPage = params.get('rpc');
  if (fromPage) return fromPage;
  const host = location.hostname || '127.0.0.1';
  return `ws://${host}:9944`;
}

/** Where the light client's chain spec is: `?chain=` in the page address, else beside the portal. */
export const specUrl = () => params.get('chain') || 'chain-spec.json';

export const chain = {
  api: null, provider: null, url: nodeUrl(), dev: false, blockMs: 6000, decimals: 12, token: 'POL',
  /** 'light' (smoldot in this page) or 'rpc' (trusting the node at `url`). */
  mode: params.get('rpc') ? 'rpc' : 'light',
  /** Why the page trusts a node, when it does: 'asked' (`?rpc=`) or 'no-spec'. */
  trustReason: params.get('rpc') ? 'asked' : null,
  genesis: null,
  /** Milliseconds from page load to the first finalized block the light client verified. */
  firstVerifiedMs: null,
};

let specText;

/**
 * The raw chain spec served with the portal (the light client's and the receipt verifier's trust
 * root), or null when none is served or it is not a raw spec.
 */
export function chainSpecText() {
  specText ??= fetch(specUrl(), { cache: 'no-cache' })
    .then(async (res) => {
      if (!res.ok) return null;
      const text = await res.text();
      return JSON.parse(text)?.genesis?.raw ? text : null;
    })
    .catch(() => null);
  return specText;
}

/** The provider: the light client when a chain spec is available, else the node at `chain.url`. */
async function provider() {
  if (chain.mode === 'light') {
    try {
      // smoldot loads only for the light client (its own chunk, most of the page's weight).
      const { lightProvider } = await import('./light.js');
      const text = await chainSpecText();
      if (!text) throw new Error(`no chain spec at ${specUrl()}`);
      return lightProvider(text);
    } catch (e) {
      console.warn(`light client unavailable, trusting ${chain.url}: ${e.message}`);
      chain.mode = 'rpc';
      chain.trustReason = 'no-spec';
    }
  }
  return new WsProvider(chain.url, 2500);
}

export async function connect() {
  chain.provider = await provider();
  if (chain.mode === 'light') await chain.provider.connect();
  chain.api = await ApiPromise.create({
    provider: chain.provider,
    noInitWarn: true,
    // Polity's firewall extension carries no data in the transaction.
    signedExtensions: { CheckFirewall: { extrinsic: {}, payload: {} } },
  });
  const api = chain.api;
  chain.genesis = api.genesisHash.toHex();
  const type = (await api.rpc.system.chainType()).toString();
  chain.dev = type === 'Development' || type === 'Local';
  chain.name = (await api.rpc.system.chain()).toString();
  chain.decimals = api.registry.chainDecimals[0] ?? 12;
  chain.token = api.registry.chainTokens[0] ?? 'POL';
  const slot = api.consts.aura?.slotDuration ?? null;
  if (slot) chain.blockMs = Number(slot.toString());
  else if (api.consts.timestamp?.minimumPeriod) chain.blockMs = 2 * Number(api.consts.timestamp.minimumPeriod.toString());
  return api;
}

/** Reads through the runtime's query surface (runtime APIs; see query.js). */
export const read = (name, params = []) => query(chain.api, name, params);

/** Calls a node's own RPC method: only for what a runtime cannot answer (finality receipts). */
export function rpc(method, args = []) {
  if (chain.mode === 'light') return Promise.reject(new Error(`${method} needs a full node: the light client cannot serve it`));
  return chain.provider.send(method, args);
}

/** A plain number from a number, hex or codec. */
export const num = (v) => (v == null ? 0 : Number(v.toString()));

/** Formats a planck amount in POL. */
export function pol(planck) {
  const v = Number(BigInt(planck ?? 0)) / 10 ** chain.decimals;
  return `${v.toLocaleString(undefined, { maximumFractionDigits: 4 })} ${chain.token}`;
}

/** UTF-8 length in bytes: limits on chain count bytes, not characters. */
export const byteLength = (s) => new TextEncoder().encode(s).length;

/** A call stored as SCALE bytes, decoded with the node's metadata. */
export function decodeCall(bytes) {
  if (!bytes) return null;
  try {
    const call = chain.api.registry.createType('Call', Uint8Array.from(bytes));
    return { section: call.section, method: call.method, args: call.toHuman().args, docs: call.meta.docs.map(String).join(' ') };
  } catch (e) {
    return { section: '?', method: '?', args: {}, error: e.message };
  }
}

/** Status enum as the node prints it: "Ongoing" or { Approved: { at, enactment } }. */
export function statusOf(status) {
  if (typeof status === 'string') return { kind: status };
  const [kind, body] = Object.entries(status)[0];
  // The node prints fields in camelCase; the words use snake_case names as the docs do.
  return { kind, ...body, enact_at: body?.enactAt };
}
