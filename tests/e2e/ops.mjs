// Polity's operator tool: the governance and node-keeping steps of docs/operations.md, each one
// command. Every command prints one JSON line on stdout (for `jq`) and its progress on stderr;
// it exits 0 on success and 1 with the reason otherwise. See `scripts/ops.sh -h`.

import fs from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { base58Decode, blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { polityRpc } from './lib/definitions.mjs';

const HELP = `usage: scripts/ops.sh COMMAND [options]

Decisions (each proposes a chain-wide vote and prints {"proposal": N, "end": BLOCK}):
  license-node --peer-id ID --owner ADDRESS        license a node (nodeAuthorization)
  unlicense-node --peer-id ID                      revoke a node's licence
  add-validator --account ADDRESS                  add a validator (it must have set keys)
  remove-validator --account ADDRESS               remove a validator
  appoint-regulator --account ADDRESS [--jurisdiction chain|SCOPE,SCOPE] [--nodes ID,ID]
  dismiss-regulator --account ADDRESS
  upgrade-runtime --wasm FILE                      authorize a runtime upgrade (its hash)
Voting and waiting:
  vote --proposal N [--choice aye|nay|abstain]     vote as every --as given, concurrently
  wait-enacted --proposal N [--timeout S]          until the proposal's call is enacted
Keys, validators, upgrades:
  set-keys --node-rpc URL                          rotate keys in that node's keystore
                                                   (author_rotateKeysWithOwner) and register
                                                   them on chain with their proof (session.setKeys)
  wait-keys --account ADDRESS --keys HEX           until those keys are the account's active ones
  wait-validator --account ADDRESS [--out]         until the account is (--out: is no longer) an
                                                   active validator
  apply-upgrade --wasm FILE                        submit the authorized code; waits for the new
                                                   spec version
  transfer --to ADDRESS --amount POL               send POL
Nodes:
  status                                           head, finality, validators, session, regulators,
                                                   licences, runtime version
  wait-synced [--min-peers N]                      until the node at --ws is synced near the
                                                   network's head and has peers
  wait-finality [--blocks N]                       until finality advances N blocks (default 3)

Common options:
  --ws URL        the node to talk to (default ws://127.0.0.1:9944, or $POLITY_WS)
  --as FILE       the signer: an account.json from new-network.sh's secrets/ (repeat for vote);
                  or $POLITY_SURI
  --scope NAME    the scope that decides (default: polity, the chain-wide scope)
  --title TEXT    the proposal's title
  --timeout S     how long a wait may take (default 600)
  -h, --help      this help`;

function parseArgs(argv) {
  const o = { as: [], ws: process.env.POLITY_WS || 'ws://127.0.0.1:9944', timeout: 600, scope: 'polity', choice: 'aye' };
  o.command = argv[0];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    const key = a.replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (a === '-h' || a === '--help') { console.log(HELP); process.exit(0); }
    else if (a === '--as') o.as.push(next());
    else if (a === '--out') o.out = true;
    else if (a.startsWith('--')) o[key] = next();
    else throw new Error(`unexpected argument ${a} (see -h)`);
  }
  return o;
}

const say = (s) => process.stderr.write(`${s}\n`);
const print = (v) => process.stdout.write(`${JSON.stringify(v)}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function need(o, ...keys) {
  for (const k of keys) {
    if (o[k] === undefined) throw new Error(`${o.command} needs --${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} (see -h)`);
  }
}

function signers(o) {
  const keyring = new Keyring({ type: 'sr25519' });
  const list = o.as.map((file) => {
    const secret = JSON.parse(fs.readFileSync(file, 'utf8'));
    return keyring.addFromUri(secret.secretPhrase, { name: secret.name || file });
  });
  if (!list.length && process.env.POLITY_SURI) list.push(keyring.addFromUri(process.env.POLITY_SURI));
  if (!list.length) throw new Error(`${o.command} needs a signer: --as secrets/NAME/account.json (or POLITY_SURI)`);
  return list;
}

/** Signs, sends and waits for inclusion; rejects with the pallet's error name if it failed. */
function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    const timer = setTimeout(() => reject(new Error('the transaction was not included within 120 s')), 120_000);
    tx.signAndSend(signer, { nonce: -1 }, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        clearTimeout(timer); if (unsub) unsub(); reject(new Error(`transaction ${status.type}`)); return;
      }
      if (!status.isInBlock) return;
      clearTimeout(timer);
      if (unsub) unsub();
      if (dispatchError) {
        let message = dispatchError.toString();
        if (dispatchError.isModule) {
          const meta = api.registry.findMetaError(dispatchError.asModule);
          message = `${meta.section}.${meta.name}`;
        }
        reject(new Error(`dispatch failed: ${message}`));
        return;
      }
      resolve({ events, blockHash: status.asInBlock });
    }).then((u) => { unsub = u; }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function scopeId(api, name) {
  if (/^\d+$/.test(name)) return Number(name);
  const entries = await api.query.stakeholderVoting.scopes.entries();
  for (const [key, value] of entries) {
    const scope = value.unwrap ? value.unwrap() : value;
    if (scope.name && scope.name.toUtf8() === name) return key.args[0].toNumber();
  }
  throw new Error(`no scope named ${name}`);
}

const peerBytes = (id) => u8aToHex(base58Decode(id));

async function propose(api, o, call, title) {
  const [signer] = signers(o);
  const scope = await scopeId(api, o.scope);
  const text = o.title || title;
  say(`proposing in scope ${o.scope}: ${text}`);
  const { events } = await send(api, api.tx.stakeholderVoting.propose(scope, text, blake2AsHex(text), call), signer);
  const proposed = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event));
  const index = proposed.event.data.index.toNumber();
  const end = proposed.event.data.end.toNumber();
  say(`proposal ${index}: voting ends at block #${end}; vote with: scripts/ops.sh vote --proposal ${index} --as …`);
  return { proposal: index, end };
}

async function until(o, what, check, every = 2000) {
  const deadline = Date.now() + Number(o.timeout) * 1000;
  let last;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${o.timeout} s waiting for ${what}${last ? ` (${last})` : ''}`);
    await sleep(every);
  }
}

const head = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
const finalized = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

async function rpcCall(url, method, params) {
  const http = url.replace(/^ws/, 'http');
  const res = await fetch(http, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }) });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const commands = {
  async 'license-node'(api, o) {
    need(o, 'peerId', 'owner');
    return propose(api, o, api.tx.nodeAuthorization.addWellKnownNode(peerBytes(o.peerId), o.owner), `License node ${o.peerId}`);
  },
  async 'unlicense-node'(api, o) {
    need(o, 'peerId');
    return propose(api, o, api.tx.nodeAuthorization.removeWellKnownNode(peerBytes(o.peerId)), `Revoke the licence of node ${o.peerId}`);
  },
  async 'add-validator'(api, o) {
    need(o, 'account');
    const keys = await api.query.session.nextKeys(o.account);
    if (keys.isNone) throw new Error(`${o.account} has no session keys on chain: run set-keys on its node first`);
    return propose(api, o, api.tx.regulatoryNodes.addValidator(o.account), `Add validator ${o.account}`);
  },
  async 'remove-validator'(api, o) {
    need(o, 'account');
    return propose(api, o, api.tx.regulatoryNodes.removeValidator(o.account), `Remove validator ${o.account}`);
  },
  async 'appoint-regulator'(api, o) {
    need(o, 'account');
    const j = o.jurisdiction || 'chain';
    const jurisdiction = j === 'chain' ? 'ChainWide'
      : { Scopes: await Promise.all(j.split(',').map((s) => scopeId(api, s))) };
    const nodes = (o.nodes ? o.nodes.split(',') : []).map(peerBytes);
    return propose(api, o, api.tx.regulatoryNodes.appoint(o.account, jurisdiction, nodes), `Appoint regulator ${o.account}`);
  },
  async 'dismiss-regulator'(api, o) {
    need(o, 'account');
    return propose(api, o, api.tx.regulatoryNodes.dismiss(o.account), `Dismiss regulator ${o.account}`);
  },
  async 'upgrade-runtime'(api, o) {
    need(o, 'wasm');
    const hash = blake2AsHex(fs.readFileSync(o.wasm));
    const call = api.tx.stakeholderVoting.dispatchAsRoot(api.tx.system.authorizeUpgrade(hash));
    return { ...(await propose(api, o, call, `Upgrade the runtime to ${hash.slice(0, 18)}…`)), codeHash: hash };
  },
  async vote(api, o) {
    need(o, 'proposal');
    const choice = { aye: 'Aye', nay: 'Nay', abstain: 'Abstain' }[o.choice];
    if (!choice) throw new Error('--choice is aye, nay or abstain');
    const list = signers(o);
    await Promise.all(list.map(async (who) => {
      await send(api, api.tx.stakeholderVoting.vote(Number(o.proposal), choice), who);
      say(`${who.meta.name} voted ${choice} on proposal ${o.proposal}`);
    }));
    return { proposal: Number(o.proposal), votes: list.length, choice };
  },
  async 'wait-enacted'(api, o) {
    need(o, 'proposal');
    const index = Number(o.proposal);
    say(`waiting for proposal ${index} to close and its call to be enacted`);
    const status = await until(o, `proposal ${index} to be decided`, async () => {
      const p = await api.query.stakeholderVoting.proposals(index);
      if (p.isNone) throw new Error(`no proposal ${index}`);
      const s = p.unwrap().status;
      // Ongoing, Scheduled (enactment delay), Held (regulators' review) and AwaitingEnactment
      // (a pause blocks the call) are still on their way.
      return s.isApproved || s.isRejected || s.isWithdrawn || s.isCancelled ? s : null;
    });
    const enactment = status.isApproved ? status.asApproved.enactment : null;
    if (!enactment || enactment.isNone || !enactment.unwrap().isEnacted) {
      throw new Error(`proposal ${index} was not enacted: ${JSON.stringify(status.toJSON())}`);
    }
    say(`proposal ${index} enacted at block #${status.asApproved.at.toNumber()}`);
    return { proposal: index, enactedAt: status.asApproved.at.toNumber() };
  },
  async 'set-keys'(api, o) {
    need(o, 'nodeRpc');
    const [who] = signers(o);
    const generated = await rpcCall(o.nodeRpc, 'author_rotateKeysWithOwner', [u8aToHex(who.publicKey)]);
    if (!generated.proof) throw new Error('the node gave no ownership proof for the keys');
    say(`new session keys in ${o.nodeRpc}'s keystore: ${generated.keys}`);
    const { blockHash } = await send(api, api.tx.session.setKeys(generated.keys, generated.proof), who);
    say(`registered for ${who.address}; they take effect at the session after next`);
    return { account: who.address, keys: generated.keys, block: blockHash.toHex() };
  },
  async 'wait-keys'(api, o) {
    need(o, 'account', 'keys');
    const aura = `0x${o.keys.slice(2, 66)}`;
    say(`waiting until ${o.account}'s Aura key ${aura.slice(0, 12)}… authors`);
    const at = await until(o, 'the new keys to be active', async () => {
      const auras = (await api.query.aura.authorities()).map((k) => k.toHex());
      return auras.includes(aura) ? head(api) : null;
    });
    return { account: o.account, activeAt: at };
  },
  async 'wait-validator'(api, o) {
    need(o, 'account');
    const account = api.createType('AccountId', o.account).toString();
    say(`waiting until ${account} is ${o.out ? 'no longer ' : ''}an active validator`);
    const validators = await until(o, 'the validator set to change', async () => {
      const v = (await api.query.session.validators()).map(String);
      return v.includes(account) !== Boolean(o.out) ? v : null;
    });
    return { account, active: !o.out, validators: validators.length, at: await head(api) };
  },
  async 'apply-upgrade'(api, o) {
    need(o, 'wasm');
    const [who] = signers(o);
    const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(fs.readFileSync(o.wasm))), who);
    const after = await until(o, 'the new runtime', async () => {
      const v = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
      return v !== before ? v : null;
    });
    say(`runtime upgraded: spec_version ${before} → ${after}`);
    return { from: before, to: after };
  },
  async transfer(api, o) {
    need(o, 'to', 'amount');
    const [who] = signers(o);
    const decimals = api.registry.chainDecimals[0];
    const amount = BigInt(Math.round(Number(o.amount) * 1000)) * 10n ** BigInt(decimals) / 1000n;
    await send(api, api.tx.balances.transferKeepAlive(o.to, amount), who);
    return { to: o.to, amount: o.amount };
  },
  async status(api) {
    const [best, fin, validators, session, regulators, licences, version, health] = await Promise.all([
      head(api), finalized(api), api.query.session.validators(), api.query.session.currentIndex(),
      api.query.regulatoryNodes.regulators.keys(), api.query.nodeAuthorization.wellKnownNodes(),
      api.rpc.state.getRuntimeVersion(), api.rpc.system.health(),
    ]);
    const s = {
      chain: (await api.rpc.system.chain()).toString(), best, finalized: fin, finalityLag: best - fin,
      peers: health.peers.toNumber(), session: session.toNumber(), validators: validators.map(String),
      regulators: regulators.map((k) => k.args[0].toString()), licensedNodes: licences.size,
      specVersion: version.specVersion.toNumber(),
    };
    say(`${s.chain}: best #${best}, finalized #${fin} (lag ${s.finalityLag}), ${s.peers} peers, session ${s.session}, ${s.validators.length} validators, ${s.regulators.length} regulators, ${s.licensedNodes} licensed nodes, spec ${s.specVersion}`);
    return s;
  },
  async 'wait-synced'(api, o) {
    const minPeers = Number(o.minPeers ?? 1);
    const r = await until(o, 'the node to sync', async () => {
      const health = await api.rpc.system.health();
      const sync = await api.rpc.system.syncState();
      const best = sync.currentBlock.toNumber();
      const highest = sync.highestBlock.isSome ? sync.highestBlock.unwrap().toNumber() : best;
      return health.peers.toNumber() >= minPeers && !health.isSyncing.isTrue && best > 0 && highest - best <= 2
        ? { best, peers: health.peers.toNumber() } : null;
    });
    say(`synced at #${r.best} with ${r.peers} peers`);
    return r;
  },
  async 'wait-finality'(api, o) {
    const blocks = Number(o.blocks ?? 3);
    const from = await finalized(api);
    say(`finalized #${from}; waiting for ${blocks} more`);
    const to = await until(o, `finality to advance ${blocks} blocks from #${from}`, async () => {
      const f = await finalized(api);
      return f >= from + blocks ? f : null;
    });
    return { from, to };
  },
};

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.command || o.command === '-h' || o.command === '--help') { console.log(HELP); process.exit(o.command ? 0 : 2); }
  const command = commands[o.command];
  if (!command) throw new Error(`unknown command ${o.command} (see -h)`);
  await cryptoWaitReady();
  // A node that is still starting is waited for: up to --timeout for the wait-* commands,
  // 30 s otherwise.
  const connectMs = o.command.startsWith('wait-') ? Number(o.timeout) * 1000 : 30_000;
  const provider = new WsProvider(o.ws, 1000);
  let timer;
  const api = await Promise.race([
    ApiPromise.create({ provider, rpc: polityRpc, noInitWarn: true }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`cannot reach a node at ${o.ws} within ${connectMs / 1000} s: is it running (--ws)?`)), connectMs);
    }),
  ]).finally(() => clearTimeout(timer));
  try {
    print(await command(api, o));
  } finally {
    await api.disconnect();
  }
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`ops: ${e.message}\n`);
  process.exit(1);
});
