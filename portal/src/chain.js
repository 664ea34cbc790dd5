// The connection to a Polity node: @polkadot/api for transactions, storage and decoding with
// the node's own metadata; Polity's query RPCs as plain JSON.

import { ApiPromise, WsProvider } from '@polkadot/api';

/** The node URL: `?rpc=` in the page address, else the last one used, else this host's 9944. */
export function nodeUrl() {
  const fromPage = new URLSearchParams(location.search).get('rpc');
  if (fromPage) return fromPage;
  const host = location.hostname || '127.0.0.1';
  return localStorage.getItem('polity.rpc') || `ws://${host}:9944`;
}

export const chain = { api: null, provider: null, url: nodeUrl(), dev: false, blockMs: 6000, decimals: 12, token: 'POL' };

export async function connect() {
  chain.provider = new WsProvider(chain.url, 2500);
  chain.api = await ApiPromise.create({
    provider: chain.provider,
    noInitWarn: true,
    // Polity's firewall extension carries no data in the transaction.
    signedExtensions: { CheckFirewall: { extrinsic: {}, payload: {} } },
  });
  const api = chain.api;
  const type = (await api.rpc.system.chainType()).toString();
  chain.dev = type === 'Development' || type === 'Local';
  chain.name = (await api.rpc.system.chain()).toString();
  chain.decimals = api.registry.chainDecimals[0] ?? 12;
  chain.token = api.registry.chainTokens[0] ?? 'POL';
  const slot = api.consts.aura?.slotDuration ?? null;
  if (slot) chain.blockMs = Number(slot.toString());
  else if (api.consts.timestamp?.minimumPeriod) chain.blockMs = 2 * Number(api.consts.timestamp.minimumPeriod.toString());
  if (!new URLSearchParams(location.search).get('rpc')) localStorage.setItem('polity.rpc', chain.url);
  return api;
}

/** Calls one of Polity's query RPCs; resolves with the node's JSON. */
export const rpc = (method, params = []) => chain.provider.send(method, params);

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
