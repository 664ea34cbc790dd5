// Every read the pages make, answered by the runtime itself: each query is a runtime API call
// (`state_call`), which a light client checks against the state root of a block it verified,
// and any node — ours, a public RPC provider, smoldot in this page — can serve. No custom RPC.
//
// Answers keep the shape the pages were written for (the node's JSON: struct fields in
// camelCase, enum variants by name, `null` for nothing), whatever client carried them.

/** Each query: the runtime API method, and how the answer is shaped. */
const QUERIES = {
  stakeholderVoting_stakeholder: ['stakeholderVotingApi', 'stakeholder'],
  stakeholderVoting_scope: ['stakeholderVotingApi', 'scope'],
  stakeholderVoting_proposal: ['stakeholderVotingApi', 'proposal'],
  stakeholderVoting_votesOf: ['stakeholderVotingApi', 'votesOf'],
  stakeholderVoting_proposalsIn: ['stakeholderVotingApi', 'proposalsIn', ([scope, filter, before, limit]) => [scope, filter ?? 'Any', before ?? null, limit ?? 20]],
  stakeholderVoting_ballot: ['stakeholderVotingApi', 'ballot', ([who, before, limit]) => [who, before ?? null, limit ?? 20]],
  dataOwnership_record: ['dataOwnershipApi', 'record'],
  dataOwnership_recordsOf: ['dataOwnershipApi', 'recordsOf', ([who, after, limit]) => [who, after ?? null, limit ?? 20]],
  dataOwnership_versions: ['dataOwnershipApi', 'versions', ([hash, start]) => [hash, start ?? 0, 100]],
  dataOwnership_grants: ['dataOwnershipApi', 'grants'],
  dataOwnership_hasAccess: ['dataOwnershipApi', 'hasAccess'],
  dataOwnership_activity: ['dataOwnershipApi', 'activity', ([hash, start, limit]) => [hash, start ?? 0, limit ?? 100]],
  supervision_auditTrail: ['supervisionApi', 'auditTrail', ([who, limit]) => [who, limit ?? 20]],
  supervision_regulators: ['supervisionApi', 'regulators'],
  supervision_licensedNodes: ['supervisionApi', 'licensedNodes', () => [], (nodes) => nodes.map((n) => n.toHex())],
  supervision_validators: ['supervisionApi', 'validators'],
  supervision_pauses: ['supervisionApi', 'pauses', () => [], ([pauses, until]) => ({ pauses: plain(pauses), safeModeUntil: plain(until) })],
  supervision_freezes: ['supervisionApi', 'freezes', ([after, limit]) => [after ?? null, limit ?? 20]],
  supervision_actionLog: ['supervisionApi', 'actionLog', ([before, limit]) => [before ?? null, limit ?? 20]],
  supervision_actionsConcerning: ['supervisionApi', 'actionsConcerning', ([who, after, limit]) => [who, after ?? null, limit ?? 20]],
};

/** The names of every query (the node's RPC names, for those who know them). */
export const queryNames = Object.keys(QUERIES);

/**
 * Asks `api`'s runtime for `name` with `params` (as the node's RPC method of that name takes
 * them) and resolves with the answer in the node's JSON shape.
 */
export async function query(api, name, params = []) {
  const entry = QUERIES[name];
  if (!entry) throw new Error(`no such query: ${name}`);
  const [section, method, args = (p) => p, shape = plain] = entry;
  const call = api.call[section]?.[method];
  if (!call) throw new Error(`the runtime has no ${section}.${method}`);
  return shape(await call(...args(params)));
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Fields the chain keeps as UTF-8 bytes and the node's JSON shows as text. */
const TEXT_FIELDS = new Set(['name', 'title', 'description', 'mediaType', 'uri', 'purpose', 'pallet', 'reason']);
/** Beside a `pallet` name, `call` is a call's name too (elsewhere it is an encoded call). */
const NAMED_CALL = new Set([...TEXT_FIELDS, 'call']);
const utf8 = new TextDecoder('utf-8');

function field(key, x, text = TEXT_FIELDS) {
  if (!text.has(key)) return plain(x);
  const bytes = typeof x?.isSome === 'boolean' && typeof x.unwrap === 'function' ? (x.isSome ? x.unwrap() : null) : x;
  return bytes instanceof Uint8Array ? utf8.decode(bytes) : plain(bytes);
}

/**
 * A decoded value as plain JSON in the node's shape: `null` for None, an enum's variant by name
 * (or `{ Variant: value }`), structs with camelCase fields, accounts in the chain's own address
 * format, bytes as numbers, fixed hashes as hex, numbers beyond 2^53 as decimal strings.
 */
export function plain(v) {
  if (v == null) return null;
  if (typeof v !== 'object') return v;
  if (typeof v.isSome === 'boolean' && typeof v.unwrap === 'function') return v.isSome ? plain(v.unwrap()) : null;
  if (typeof v.isBasic === 'boolean' && typeof v.type === 'string' && 'index' in v) {
    if (v.isBasic || v.value?.isEmpty && v.value.toRawType?.() === 'Null') return v.type;
    return { [v.type]: plain(v.value) };
  }
  if (v instanceof Map) {
    const out = {};
    const text = v.has('pallet') ? NAMED_CALL : TEXT_FIELDS;
    for (const [k, x] of v.entries()) {
      // @polkadot/api renames fields that clash with its own (`hash` → `hash_`).
      if (typeof k === 'string') out[k.replace(/_$/, '')] = field(k, x, text);
      else out[String(plain(k))] = plain(x);
    }
    return out;
  }
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v.isTrue === 'boolean') return v.isTrue;
  if (typeof v.toBigInt === 'function' && typeof v.toBn === 'function') {
    const n = v.toBigInt();
    return n <= SAFE && n >= -SAFE ? Number(n) : n.toString();
  }
  if (v instanceof Uint8Array) {
    const raw = v.toRawType?.() ?? '';
    if (/^AccountId/.test(raw) || v.constructor?.name === 'GenericAccountId') return v.toString();
    if (raw === 'Bytes') return Array.from(v);
    return v.toHex();
  }
  if (typeof v.toJSON === 'function') return v.toJSON();
  return v;
}
