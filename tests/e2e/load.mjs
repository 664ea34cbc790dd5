// Polity's load tool: pre-signs N extrinsics of a kind from many accounts, submits them to a node,
// and reports per block what got in and what limited it. See `scripts/load.sh -h`.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { connect, startNode, logDir } from './lib/node.mjs';
import { sendAndWait } from './lib/tx.mjs';
import { sleep, waitFor } from './lib/harness.mjs';

const HELP = `usage: scripts/load.sh [options]

  --kind K        transfer | vote | register | register-batch | all | audit | flood
                  (default: all)
                  'all' runs transfer, vote and register one after another on the same node
                  and prints their ratios; 'audit' gives one account --count records (default
                  10,000) and votes on every proposal the chain lets it, then times the
                  regulator's queries on it over WebSocket and HTTP (p50, p99); 'flood' keeps
                  blocks full of paid 200 KB remarks and transfers (--count of them) while
                  members vote one by one, and reports how many blocks each vote took to be
                  included (the guarantee: at most 2)
  --count N       extrinsics per kind (default 6000)
  --accounts A    signing accounts (default 500)
  --node URL      an existing dev node (needs sudo, i.e. --dev); default: start one
  --node-log F    that node's log, to read block build times ("Prepared block … (N ms)")
  -h, --help      this help

On a node it starts, the tool uses --dev --tmp, logs to $TMPDIR/polity-e2e-logs/load.log and
stops it at the end.`;

function parseArgs(argv) {
  const o = { kind: 'all', count: null, accounts: 500, node: null, nodeLog: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '-h' || a === '--help') { console.log(HELP); process.exit(0); }
    else if (a === '--kind') o.kind = next();
    else if (a === '--count') o.count = Number(next());
    else if (a === '--accounts') o.accounts = Number(next());
    else if (a === '--node') o.node = next();
    else if (a === '--node-log') o.nodeLog = next();
    else throw new Error(`unknown option ${a} (see -h)`);
  }
  if (!['transfer', 'vote', 'register', 'register-batch', 'all', 'audit', 'flood'].includes(o.kind)) throw new Error(`unknown kind ${o.kind} (see -h)`);
  o.count ??= o.kind === 'audit' ? 10000 : o.kind === 'flood' ? 600 : 6000;
  return o;
}

const say = (s) => console.log(s);

/** Sends `calls` as sudo batches of `per` (or plain batches when `sudo` is false). */
async function batched(api, signer, calls, { per = 200, sudo = false, what = 'setup' } = {}) {
  for (let i = 0; i < calls.length; i += per) {
    const batch = api.tx.utility.batchAll(calls.slice(i, i + per));
    await sendAndWait(api, sudo ? api.tx.sudo.sudo(batch) : batch, signer, { ms: 120_000 });
    process.stdout.write(`\r  ${what}: ${Math.min(i + per, calls.length)}/${calls.length}`);
  }
  if (calls.length) process.stdout.write('\n');
}

/** Builds, per kind, the signed extrinsics (hex) to submit. */
async function prepare(api, kind, { count, accounts, alice, keyring, state }) {
  // A member with no balance has at most four free transactions in the pool at once (nonces up
  // to 3 past its own: `FeelessTooFarAhead`), and votes once on each of at most 16 open
  // proposals (a scope's limit): more votes need more members.
  const n = kind === 'vote' ? Math.max(accounts, Math.ceil(count / 4)) : accounts;
  const signers = Array.from({ length: n }, (_, i) => keyring.addFromUri(`//load/${kind}/${i}`));
  const perSigner = Math.ceil(count / n);
  const genesisHash = api.genesisHash;
  const runtimeVersion = api.runtimeVersion;
  let make;
  if (kind === 'transfer' || kind === 'register' || kind === 'register-batch') {
    const fund = 10n ** 14n; // 100 POL: fees and record deposits
    await batched(api, alice, signers.map((s) => api.tx.balances.transferKeepAlive(s.address, fund)), { what: 'funding accounts' });
  }
  if (kind === 'transfer') {
    const dest = keyring.addFromUri('//load/sink').address;
    make = () => api.tx.balances.transferKeepAlive(dest, 10n ** 10n);
  } else if (kind === 'register' || kind === 'register-batch') {
    const meta = { title: 'load', mediaType: 'text/plain', uri: 'ipfs://x', schema: null };
    let n = 0;
    const record = () => ({ hash: blake2AsHex(`load-${Date.now()}-${n++}`), metadata: meta, supersedes: null });
    make = kind === 'register'
      ? () => { const r = record(); return api.tx.dataOwnership.register(r.hash, r.metadata, null); }
      : () => api.tx.dataOwnership.registerBatch(Array.from({ length: 10 }, record));
  } else if (kind === 'vote') {
    // Members of the local scope with no balance (first votes are free), then proposals by the
    // dev accounts, each member voting once on each.
    await batched(api, alice, signers.map((s) => api.tx.stakeholderVoting.admit(s.address, 'Community', 1, 1)), { sudo: true, what: 'admitting members' });
    const proposers = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((u) => keyring.addFromUri(u));
    const wanted = Math.min(perSigner, 16);
    state.proposals = [];
    // A long voting period so the proposals stay open for the run.
    const rule = (await api.call.stakeholderVotingApi.scope(1)).unwrap().rule.toJSON();
    await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.setRule(1, { ...rule, votingPeriod: 600 })), alice);
    for (let i = 0; i < wanted; i++) {
      const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(1, `load ${i}`, blake2AsHex(`load ${i}`), null), proposers[i % 4], { ms: 120_000 });
      const ev = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event));
      state.proposals.push(ev.event.data.index.toNumber());
    }
    let k = 0;
    make = (signerIndex, j) => api.tx.stakeholderVoting.vote(state.proposals[j % state.proposals.length], k++ % 2 ? 'Aye' : 'Nay');
  }
  const out = [];
  const { era, blockHash } = await mortality(api);
  for (let i = 0; i < signers.length && out.length < count; i++) {
    const nonce = (await api.rpc.system.accountNextIndex(signers[i].address)).toNumber();
    for (let j = 0; j < perSigner && out.length < count; j++) {
      const tx = make(i, j);
      // Pre-signed, so submitting does no signing work; mortal, so a transaction left over from
      // a run can never be replayed later (say, by an account reaped and re-admitted at nonce 0).
      tx.sign(signers[i], { nonce: nonce + j, era, blockHash, genesisHash, runtimeVersion });
      out.push(tx.toHex());
    }
    if (i % 50 === 0) process.stdout.write(`\r  pre-signing ${kind}: ${out.length}/${count}`);
  }
  process.stdout.write(`\r  pre-signing ${kind}: ${out.length}/${count}\n`);
  return out;
}

/**
 * A mortal era from the current best block: valid for 1,024 blocks (about 100 minutes of 6 s
 * blocks), long enough for any run, never replayable after it.
 */
async function mortality(api) {
  const header = await api.rpc.chain.getHeader();
  return { era: api.createType('ExtrinsicEra', { current: header.number, period: 1024 }), blockHash: header.hash };
}

/**
 * Votes under a flood: `count` paid transactions — 200 KB remarks and transfers, alternately,
 * from `accounts` funded accounts — submitted as fast as the pool takes them, while eight members
 * with no balance vote (free, first votes) one at a time on open proposals. Each vote's latency
 * is the number of blocks from the best block when it was sent to the block that included it.
 */
async function flood(api, { count, accounts, alice, keyring }) {
  const flooders = Array.from({ length: Math.min(accounts, count) }, (_, i) => keyring.addFromUri(`//load/flood/${i}`));
  const voters = Array.from({ length: 8 }, (_, i) => keyring.addFromUri(`//load/flood-voter/${i}`));
  await batched(api, alice, flooders.map((s) => api.tx.balances.transferKeepAlive(s.address, 10n ** 15n)), { what: 'funding flooders' });
  await batched(api, alice, voters.map((s) => api.tx.stakeholderVoting.admit(s.address, 'Community', 1, 1)), { sudo: true, what: 'admitting voters' });
  const rule = (await api.call.stakeholderVotingApi.scope(1)).unwrap().rule.toJSON();
  await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.setRule(1, { ...rule, votingPeriod: 600 })), alice);
  const proposals = [];
  for (let i = 0; i < 4; i++) {
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(1, `flood ${i} ${Date.now()}`, blake2AsHex(`flood ${i}`), null), alice);
    proposals.push(events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data.index.toNumber());
  }
  const remark = '0x' + 'ab'.repeat(200 * 1024);
  const sink = keyring.addFromUri('//load/sink').address;
  const { era, blockHash } = await mortality(api);
  const xts = [];
  const per = Math.ceil(count / flooders.length);
  for (const [i, who] of flooders.entries()) {
    const nonce = (await api.rpc.system.accountNextIndex(who.address)).toNumber();
    for (let j = 0; j < per && xts.length < count; j++) {
      const tx = (i + j) % 2 ? api.tx.balances.transferKeepAlive(sink, 10n ** 10n) : api.tx.system.remark(remark);
      tx.sign(who, { nonce: nonce + j, era, blockHash, genesisHash: api.genesisHash, runtimeVersion: api.runtimeVersion });
      xts.push(tx.toHex());
    }
  }
  say(`  pre-signed ${xts.length} flood transactions (200 KB remarks and transfers)`);
  const fill = [];
  let flooded = 0;
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  const unsub = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const n = header.number.toNumber();
    if (n <= start) return;
    const block = await api.rpc.chain.getBlock(header.hash);
    flooded += block.block.extrinsics.filter((x) => x.isSigned && ['system', 'balances'].includes(x.method.section)).length;
    fill.push({ n, length: block.block.encodedLength });
  });
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < xts.length) {
      const xt = xts[next++];
      try { await api.rpc.author.submitExtrinsic(xt); } catch (e) { refused++; }
    }
  };
  const submitting = Promise.all(Array.from({ length: 16 }, worker));
  // Let the flood build up, then vote: each of 8 voters on each of 4 proposals, one at a time.
  await sleep(12_000);
  const latencies = [];
  for (const index of proposals) {
    for (const voter of voters) {
      // Only while the flood lasts: more than 20 of its transactions still waiting.
      if (next - refused - flooded < 20) break;
      const sentAt = (await api.rpc.chain.getHeader()).number.toNumber();
      const { blockHash } = await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), voter, { ms: 120_000 });
      latencies.push((await api.rpc.chain.getHeader(blockHash)).number.toNumber() - sentAt);
    }
  }
  const pending = next - refused - flooded;
  await submitting;
  unsub();
  const maxLength = api.consts.system.blockLength.max.normal.toNumber();
  const full = fill.filter((b) => b.length >= 0.9 * maxLength).length;
  const worst = latencies.length ? Math.max(...latencies) : NaN;
  say(`  ${fill.length} blocks, ${full} of them ≥ 90 % full by length; ${pending} flood transactions still waiting when voting ended; ${refused} refused by the pool`);
  say(`  flood: ${latencies.length} votes included within ${worst} blocks at worst (p50 ${percentile(latencies, 50)}) under a flood of ${xts.length} paid transactions`);
  return { votes: latencies.length, worst, full };
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * The regulator's view of a busy account: `records` records (batches of 64) and a vote on each
 * of up to 24 chain-wide proposals (four per dev proposer), then `calls` timed calls of each
 * query over WebSocket and over HTTP.
 */
async function audit(api, url, { records, alice, keyring, calls = 200 }) {
  const meta = { title: 'audited', mediaType: 'text/plain', uri: 'ipfs://x', schema: null };
  const genesisHash = api.genesisHash;
  const runtimeVersion = api.runtimeVersion;
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const { era, blockHash } = await mortality(api);
  const xts = [];
  for (let i = 0; i < records; i += 64) {
    const batch = Array.from({ length: Math.min(64, records - i) }, (_, j) => ({ hash: blake2AsHex(`audit-${i + j}`), metadata: meta, supersedes: null }));
    const tx = api.tx.dataOwnership.registerBatch(batch);
    tx.sign(alice, { nonce: nonce++, era, blockHash, genesisHash, runtimeVersion });
    xts.push(tx.toHex());
  }
  for (const xt of xts) await api.rpc.author.submitExtrinsic(xt);
  say(`  submitted ${xts.length} batches of up to 64 records`);
  await waitFor(async () => (await api.rpc.system.accountNextIndex(alice.address)).toNumber() === nonce
    && (await api.rpc.author.pendingExtrinsics()).length === 0, { ms: 600_000, every: 2000, what: 'the records to be included' });
  // Four chain-wide proposals by each chain-wide member (the most one may have open), all
  // submitted at once, then Alice's vote on each.
  const first = (await api.query.stakeholderVoting.proposalCount()).toNumber();
  const members = [];
  for (const uri of ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']) {
    const who = keyring.addFromUri(uri);
    const info = (await api.query.stakeholderVoting.stakeholders(who.address)).unwrapOr(null);
    if (info && info.memberships.some((m) => m.scope.toNumber() === 0)) members.push(who);
  }
  for (const proposer of members) {
    let n = (await api.rpc.system.accountNextIndex(proposer.address)).toNumber();
    for (let i = 0; i < 4; i++) {
      const tx = api.tx.stakeholderVoting.propose(0, `audit ${i}`, blake2AsHex(`audit ${proposer.address} ${i}`), null);
      await tx.signAndSend(proposer, { nonce: n++ });
    }
  }
  await waitFor(async () => (await api.query.stakeholderVoting.proposalCount()).toNumber() >= first + 4 * members.length, { ms: 120_000, every: 1000, what: 'the proposals' });
  const last = (await api.query.stakeholderVoting.proposalCount()).toNumber();
  let n = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  for (let index = first; index < last; index++) await api.tx.stakeholderVoting.vote(index, 'Aye').signAndSend(alice, { nonce: n++ });
  await waitFor(async () => (await api.rpc.system.accountNextIndex(alice.address)).toNumber() === n
    && (await api.rpc.author.pendingExtrinsics()).length === 0, { ms: 120_000, every: 1000, what: 'the votes' });
  const votes = (await api.rpc.state.getKeys(api.query.stakeholderVoting.votesByAccount.keyPrefix(alice.address))).length;
  say(`  Alice holds ${records} new records and ${votes} votes`);
  const http = url.replace(/^ws/, 'http');
  const queries = [
    ['supervision_auditTrail', [alice.address, 100]],
    ['dataOwnership_recordsOf', [alice.address, null, 100]],
  ];
  const rows = [];
  for (const [method, params] of queries) {
    const ws = [];
    const ht = [];
    let bytes = 0;
    for (let i = 0; i < calls; i++) {
      let t = performance.now();
      await api._rpcCore.provider.send(method, params);
      ws.push(performance.now() - t);
      t = performance.now();
      const res = await fetch(http, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }) });
      const body = await res.text();
      ht.push(performance.now() - t);
      bytes = body.length;
      if (!res.ok || body.includes('"error"')) throw new Error(`${method} over HTTP: ${body.slice(0, 200)}`);
    }
    rows.push({ method, bytes, ws, ht });
  }
  say(`\nquery (${calls} calls each)                 answer   WS p50   WS p99   HTTP p50   HTTP p99  (ms)`);
  for (const r of rows) {
    say(`${r.method.padEnd(40)} ${String(r.bytes).padStart(7)} ${percentile(r.ws, 50).toFixed(1).padStart(8)} ${percentile(r.ws, 99).toFixed(1).padStart(8)} ${percentile(r.ht, 50).toFixed(1).padStart(10)} ${percentile(r.ht, 99).toFixed(1).padStart(10)}`);
  }
  return rows;
}

/** Reads "Prepared block for proposing at N (T ms)" lines of the node's log. */
function buildTimes(logFile) {
  const times = new Map();
  if (!logFile || !fs.existsSync(logFile)) return times;
  for (const m of fs.readFileSync(logFile, 'utf8').matchAll(/Prepared block for proposing at (\d+) \((\d+) ms\)/g)) {
    times.set(Number(m[1]), Number(m[2]));
  }
  return times;
}

async function run(api, kind, xts, { nodeLog }) {
  const normal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  const maxLength = api.consts.system.blockLength.max.normal.toNumber();
  const blocks = [];
  let lag = 0;
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  const seen = new Set();
  let included = 0;
  const unsub = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const n = header.number.toNumber();
    if (n <= start || seen.has(n)) return;
    seen.add(n);
    const hash = header.hash;
    const [block, weight, fin] = await Promise.all([
      api.rpc.chain.getBlock(hash),
      api.query.system.blockWeight.at(hash),
      api.rpc.chain.getFinalizedHead().then((h) => api.rpc.chain.getHeader(h)),
    ]);
    const ours = block.block.extrinsics.filter((x) => x.isSigned).length;
    included += ours;
    lag = Math.max(lag, n - fin.number.toNumber());
    blocks.push({ n, ours, weight: weight.normal.refTime.toBigInt(), length: block.block.encodedLength });
  });
  // Submit everything as fast as the pool takes it, keeping a bounded number in flight.
  const t0 = Date.now();
  let next = 0;
  let rejected = 0;
  const worker = async () => {
    while (next < xts.length) {
      const xt = xts[next++];
      try { await api.rpc.author.submitExtrinsic(xt); } catch (e) { rejected++; if (rejected <= 3) say(`  pool refused one: ${e.message}`); }
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  const submitted = (Date.now() - t0) / 1000;
  say(`  submitted ${xts.length - rejected} ${kind} extrinsics in ${submitted.toFixed(1)} s (${rejected} refused by the pool)`);
  await waitFor(async () => included >= xts.length - rejected, { ms: 600_000, every: 1000, what: `all ${kind} extrinsics to be included` }).catch((e) => say(`  ${e.message}`));
  await sleep(7000);
  unsub();
  const times = buildTimes(nodeLog);
  const loaded = blocks.filter((b) => b.ours > 0).sort((a, b) => a.n - b.n);
  say(`  block   extrinsics  weight%  length%  build ms`);
  for (const b of loaded) {
    say(`  #${String(b.n).padEnd(6)} ${String(b.ours).padStart(10)} ${(Number((b.weight * 1000n) / normal) / 10).toFixed(1).padStart(8)} ${((100 * b.length) / maxLength).toFixed(1).padStart(8)} ${String(times.get(b.n) ?? '?').padStart(9)}`);
  }
  const max = loaded.reduce((m, b) => (b.ours > m.ours ? b : m), { ours: 0, weight: 0n, length: 0 });
  const limit = Number((max.weight * 100n) / normal) >= 95 ? 'weight' : (100 * max.length) / maxLength >= 95 ? 'length' : 'pool/submission';
  const span = loaded.length ? loaded[loaded.length - 1].n - loaded[0].n + 1 : 1;
  const blockSecs = api.consts.aura?.slotDuration ? api.consts.aura.slotDuration.toNumber() / 1000 : 6;
  const perSec = included / (span * blockSecs);
  const empty = blocks.filter((b) => b.n >= (loaded[0]?.n ?? 0) && b.n <= (loaded.at(-1)?.n ?? 0) && b.ours === 0).length;
  say(`  ${kind}: max ${max.ours}/block (limited by ${limit}), ${included} in ${span} blocks, sustained ${perSec.toFixed(1)}/s, ${empty} empty blocks while loaded, finality lag ≤ ${lag} blocks`);
  return { kind, max: max.ours, limit, perSec, lag, weightPerTx: max.ours ? Number(max.weight) / max.ours : 0 };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  await cryptoWaitReady();
  let node = null;
  let url = opts.node;
  let nodeLog = opts.nodeLog;
  if (!url) {
    say('starting a --dev node…');
    node = await startNode({ name: 'load', args: ['--dev', '--tmp', '--pool-limit', '100000', '--pool-kbytes', '512000', '--rpc-max-connections', '1000'] });
    url = node.wsUrl;
    nodeLog = node.logFile;
  }
  const api = await connect(url, { ms: 60_000 });
  try {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const alice = keyring.addFromUri('//Alice');
    if (opts.kind === 'flood') {
      say(`\n# flood: votes under ${opts.count} paid 200 KB remarks and transfers`);
      await flood(api, { count: opts.count, accounts: opts.accounts, alice, keyring });
      return;
    }
    if (opts.kind === 'audit') {
      say(`\n# audit: one account with ${opts.count} records and votes, the regulator's queries timed`);
      await audit(api, url, { records: opts.count, alice, keyring });
      return;
    }
    const kinds = opts.kind === 'all' ? ['transfer', 'vote', 'register'] : [opts.kind];
    const results = [];
    const state = {};
    for (const kind of kinds) {
      say(`\n# ${kind}: ${opts.count} extrinsics from ${Math.min(opts.accounts, opts.count)} accounts`);
      const xts = await prepare(api, kind, { count: opts.count, accounts: Math.min(opts.accounts, opts.count), alice, keyring, state });
      results.push(await run(api, kind, xts, { nodeLog }));
    }
    say('\nkind            max/block  limited by        tx/s   finality lag  weight/tx vs transfer');
    const transfer = results.find((r) => r.kind === 'transfer');
    for (const r of results) {
      const ratio = transfer && transfer.weightPerTx ? (r.weightPerTx / transfer.weightPerTx).toFixed(2) : '-';
      say(`${r.kind.padEnd(15)} ${String(r.max).padStart(9)}  ${r.limit.padEnd(15)} ${r.perSec.toFixed(1).padStart(7)}   ${String(r.lag).padStart(11)}  ${ratio}`);
    }
    if (transfer) {
      for (const r of results.filter((x) => x !== transfer)) say(`${r.kind}/s ÷ transfers/s = ${(r.perSec / transfer.perSec).toFixed(2)}`);
    }
  } finally {
    await api.disconnect();
    if (node) await node.stop();
  }
}

main().catch((e) => { console.error(`load: ${e.message}`); process.exit(1); });
