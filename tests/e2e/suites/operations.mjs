// The runbook, executed: makes a fresh network with scripts/new-network.sh (generated keys, no
// dev keys, no sudo), starts it under zombienet, has Prometheus scrape it, and runs every
// procedure of docs/operations.md exactly as written there (the bash blocks under each
// `procedure:` marker), checking each outcome on chain with @polkadot/api.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { base58Decode, blake2AsHex } from '@polkadot/util-crypto';
import { assert, assertEq, runTests, sleep, test, waitFor } from '../lib/harness.mjs';
import { freePortBase, logDir, nodeBinary, repoRoot } from '../lib/node.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { verifyReceipt } from './data.mjs';

const RUNBOOK = path.join(repoRoot, 'docs', 'operations.md');

/** The runbook's procedures: name → the bash blocks under its marker, up to the next marker or heading. */
export function procedures(markdown = fs.readFileSync(RUNBOOK, 'utf8')) {
  const out = {};
  let current = null;
  let inBlock = false;
  let block = [];
  for (const line of markdown.split('\n')) {
    const marker = line.match(/^<!-- procedure: ([a-z-]+) -->$/);
    if (!inBlock && marker) { current = marker[1]; out[current] = []; continue; }
    if (!inBlock && /^#{1,6} /.test(line)) { current = null; continue; }
    if (!inBlock && line.startsWith('```bash')) { inBlock = true; block = []; continue; }
    if (inBlock && line.startsWith('```')) {
      inBlock = false;
      if (current) out[current].push(block.join('\n'));
      continue;
    }
    if (inBlock) block.push(line);
  }
  return out;
}


/** The polity-node processes of this network (matched by its directory in their arguments). */
function nodeProcesses(net) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let args;
    try { args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (!args[0].endsWith('polity-node') || !args.some((a) => a.includes(net))) continue;
    const value = (flag) => {
      const i = args.indexOf(flag);
      if (i >= 0) return args[i + 1];
      const eq = args.find((a) => a.startsWith(`${flag}=`));
      return eq ? eq.slice(flag.length + 1) : undefined;
    };
    found.push({ pid: Number(pid), name: value('--name'), basePath: value('--base-path') });
  }
  return found;
}

export async function run() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'polity-ops-'));
  const net = path.join(work, 'net');
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(nodeBinary(), path.join(bin, 'polity-node'));
  fs.mkdirSync(logDir, { recursive: true });
  const base = await freePortBase(Array.from({ length: 60 }, (_, i) => i));
  // Network nodes: RPC base.., p2p base+20.., Prometheus base+40..; the added node and
  // Prometheus itself above those.
  const harbour = { rpc: base + 10, p2p: base + 30, prometheus: base + 50 };
  const prometheusPort = base + 59;
  const book = procedures();
  const transcript = path.join(logDir, 'operations-runbook.log');
  fs.writeFileSync(transcript, '');
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    NET: net,
    POLITY_WS: `ws://127.0.0.1:${base}`,
    DESCRIPTION: 'tests/e2e/fixtures/ops-network.toml',
    NEW_NETWORK_OPTIONS: `--rpc-base ${base} --p2p-base ${base + 20} --prometheus-base ${base + 40}`,
    NAME: 'harbour',
    BASE: path.join(work, 'nodes', 'harbour'),
    RPC_PORT: String(harbour.rpc),
    P2P_PORT: String(harbour.p2p),
    PROMETHEUS_PORT: String(harbour.prometheus),
    DATA: path.join(work, 'data'),
  };

  /** Runs procedure `name` of the runbook after its setup block; returns its stdout. */
  function procedure(name, extraEnv = {}) {
    const blocks = book[name];
    assert(blocks && blocks.length, `docs/operations.md has a procedure "${name}"`);
    const script = ['set -euo pipefail', ...book.setup, ...blocks].join('\n');
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const proc = spawn('bash', ['-c', script], { cwd: repoRoot, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stdout.on('data', (d) => { out += d; });
      proc.stderr.on('data', (d) => { err += d; });
      proc.on('exit', (code) => {
        fs.appendFileSync(transcript, `### ${name} (exit ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n${out}${err}\n`);
        const last = out.trim().split('\n').filter(Boolean).pop() || '';
        console.log(`       ${name}: exit ${code} after ${((Date.now() - started) / 1000).toFixed(0)} s${last ? `; ${last.slice(0, 160)}` : ''}`);
        if (code === 0) resolve(out);
        else reject(new Error(`procedure ${name} exited ${code}:\n${err.trim().split('\n').slice(-6).join('\n')}\n(transcript: ${transcript})`));
      });
    });
  }

  /** Runs a procedure beside others: resolves with its failure (or null) instead of rejecting. */
  const beside = (name) => procedure(name).then(() => null, (e) => e);

  let api;
  let prometheus;
  const ctx = {};

  test('create-network: fresh keys, secrets owner-only, a raw spec with no dev key and no sudo', async () => {
    await procedure('create-network');
    const network = JSON.parse(fs.readFileSync(path.join(net, 'network.json'), 'utf8'));
    ctx.network = network;
    assertEq(network.nodes.filter((n) => n.validator).length, 4, 'four validators');
    // Every secret is owner-only; nothing under secrets/ is readable by others.
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? [[p, 'dir'], ...walk(p)] : [[p, 'file']];
    });
    const secrets = walk(path.join(net, 'secrets'));
    assert(secrets.length > 20, `secrets written (${secrets.length} entries)`);
    for (const [p, kind] of secrets) {
      const mode = fs.statSync(p).mode & 0o777;
      assertEq(mode.toString(8), kind === 'dir' ? '700' : '600', `mode of ${path.relative(net, p)}`);
    }
    const spec = JSON.parse(fs.readFileSync(path.join(net, 'chain-spec-raw.json'), 'utf8'));
    // The genesis storage, without the runtime's code (which carries the dev presets).
    const storage = Object.entries(spec.genesis.raw.top).filter(([k]) => k !== '0x3a636f6465');
    assert(storage.length > 50, `genesis storage entries (${storage.length})`);
    const raw = JSON.stringify(storage);
    // //Alice's public key and the dev node key 00…01: nowhere.
    assert(!raw.includes('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'), 'no //Alice in the spec');
    assert(!raw.includes('4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29'), 'no dev node key in the spec');
    assert(!raw.includes('5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b'), 'nobody holds sudo');
    for (const [p, kind] of secrets) {
      if (kind !== 'file' || !p.endsWith('.json')) continue;
      const phrase = JSON.parse(fs.readFileSync(p, 'utf8')).secretPhrase;
      if (phrase) assert(!raw.includes(phrase), 'no secret phrase in the spec');
    }
    assertEq(spec.bootNodes.length, 5, 'boot nodes: the four validators and the supervision node');
    assertEq(spec.properties, { ss58Format: 7013, tokenDecimals: 12, tokenSymbol: 'POL' }, 'token properties');
    // Running it again into the same directory is refused: secrets are never overwritten.
    const again = spawnSync('bash', ['scripts/new-network.sh', env.DESCRIPTION, '--out', net], { cwd: repoRoot, env, encoding: 'utf8' });
    assertEq(again.status, 2, 'new-network.sh into a non-empty directory exits 2');
    assert(/not empty/.test(again.stderr), `it says why: ${again.stderr.trim()}`);
    // Descriptions that cannot make a network are refused with the reason, and write nothing.
    const bad = [
      ['a stake in a scope that does not exist', '[[stakeholders]]\nname = "mallory"\nsector = "market"\nstakes = { nowhere = 5 }', /scope 'nowhere' is not in \[\[scopes\]\]/],
      ['a sector that does not exist', '[[stakeholders]]\nname = "mallory"\nsector = "cartel"', /sector must be government, market or community/],
      ['a regulator licensed for an unknown node', '[[regulators]]\nname = "mallory"\nnodes = ["ghost"]', /'ghost' is not a node/],
      ['a name that is not a plain name', '[[stakeholders]]\nname = "../../etc"\nsector = "market"', /use lowercase letters/],
      // The well-known //Alice, smuggled in as an existing account: found in the genesis storage.
      ['//Alice as a stakeholder', '[[stakeholders]]\nname = "mallory"\nsector = "market"\naddress = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"', /contains a development key/],
    ];
    for (const [what, extra, reason] of bad) {
      const file = path.join(work, 'bad.toml');
      fs.writeFileSync(file, `${fs.readFileSync(path.join(repoRoot, env.DESCRIPTION), 'utf8')}\n${extra}\n`);
      const out = path.join(work, 'bad-net');
      const r = spawnSync('bash', ['scripts/new-network.sh', file, '--out', out], { cwd: repoRoot, env, encoding: 'utf8' });
      assertEq(r.status, 2, `${what}: exit code`);
      assert(reason.test(r.stderr), `${what}: says ${reason} (${r.stderr.trim()})`);
      assert(!fs.existsSync(path.join(out, 'chain-spec-raw.json')), `${what}: no spec written`);
      fs.rmSync(out, { recursive: true, force: true });
    }
    // Every flag the generated compose file passes is one polity-node knows.
    const help = spawnSync(nodeBinary(), ['--help'], { encoding: 'utf8' }).stdout;
    const compose = fs.readFileSync(path.join(net, 'docker-compose.yml'), 'utf8');
    const flags = [...new Set([...compose.matchAll(/^\s+(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1]))];
    const unknown = flags.filter((f) => !new RegExp(`(^|\\s)${f}[\\s=<,]`, 'm').test(help));
    assert(flags.length > 5 && unknown.length === 0, `compose flags all known (${flags.length}; unknown: ${unknown.join(', ')})`);
  }, { timeoutMs: 240_000 });

  test('start-network: the generated network starts under zombienet and finalizes', async () => {
    await procedure('start-network');
    api = await ApiPromise.create({ provider: new WsProvider(env.POLITY_WS), noInitWarn: true });
    const validators = (await api.query.session.validators()).map(String);
    const expected = ctx.network.nodes.filter((n) => n.validator)
      .map((n) => api.createType('AccountId', ctx.network.accounts[n.owner]).toString());
    assertEq(validators.sort(), expected.sort(), 'the genesis validators are the generated accounts');
    assertEq(api.tx.sudo, undefined, 'no sudo pallet on chain');
    // The runbook's data directory: each zombienet node's base path, by name.
    fs.mkdirSync(env.DATA, { recursive: true });
    for (const p of nodeProcesses(net)) {
      if (p.name && p.basePath) fs.symlinkSync(p.basePath, path.join(env.DATA, p.name));
    }
  }, { timeoutMs: 300_000 });

  test('Prometheus scrapes every node of the network', async () => {
    const which = spawnSync('bash', ['-c', 'command -v prometheus'], { encoding: 'utf8' });
    assert(which.status === 0, 'prometheus installed (scripts/setup.sh installs Debian\'s package)');
    const data = path.join(work, 'prometheus');
    const promLog = fs.openSync(path.join(logDir, 'operations-prometheus.log'), 'w');
    prometheus = spawn(which.stdout.trim(), [
      `--config.file=${path.join(net, 'prometheus.yml')}`, `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${prometheusPort}`,
    ], { stdio: ['ignore', promLog, promLog] });
    const query = async (q) => {
      const res = await fetch(`http://127.0.0.1:${prometheusPort}/api/v1/query?query=${encodeURIComponent(q)}`);
      return (await res.json()).data.result;
    };
    const up = await waitFor(async () => {
      const r = await query('up');
      return r.length === 5 && r.every((s) => s.value[1] === '1') ? r : null;
    }, { ms: 60_000, every: 1000, what: 'five targets up in Prometheus' });
    const heights = await waitFor(async () => {
      const r = await query('substrate_block_height{status="finalized"}');
      return r.length === 5 && r.every((s) => Number(s.value[1]) > 0) ? r : null;
    }, { ms: 60_000, every: 1000, what: 'finalized heights from all five nodes' });
    ctx.query = query;
    console.log(`       ${up.length} targets up; finalized heights ${heights.map((s) => s.value[1]).join(', ')}`);
  }, { timeoutMs: 150_000 });

  test('a record registered on the new network (its receipt is checked at the end)', async () => {
    const secret = JSON.parse(fs.readFileSync(path.join(net, 'secrets', 'city-hall', 'account.json'), 'utf8'));
    const cityHall = new Keyring({ type: 'sr25519' }).addFromUri(secret.secretPhrase);
    ctx.record = blake2AsHex(`Riverside budget ${Date.now()}`, 256);
    const metadata = { title: 'Budget 2027', mediaType: 'text/csv', uri: 'ipfs://bafy-budget', schema: null };
    const { events } = await sendAndWait(api, api.tx.dataOwnership.register(ctx.record, metadata, null), cityHall);
    assert(events.some(({ event }) => api.events.dataOwnership.Registered.is(event)), 'Registered event');
  });

  test('license-node, add-validator (and rotate-keys of another validator meanwhile)', async () => {
    const rotate = beside('rotate-keys');
    await procedure('license-node');
    await procedure('add-validator');
    const failed = await rotate;
    if (failed) throw failed;
    const validators = (await api.query.session.validators()).map(String);
    assertEq(validators.length, 5, 'five active validators');
    const licences = await api.query.nodeAuthorization.wellKnownNodes();
    assertEq(licences.size, 6, 'six licensed nodes');
  }, { timeoutMs: 900_000 });

  test('appoint-regulator, dismiss-regulator (and backup-restore of the new node meanwhile)', async () => {
    const backup = beside('backup-restore');
    await procedure('appoint-regulator');
    const during = (await api.query.regulatoryNodes.regulators.keys()).length;
    await procedure('dismiss-regulator');
    const failed = await backup;
    if (failed) throw failed;
    assertEq(during, 2, 'two regulators after the appointment');
    assertEq((await api.query.regulatoryNodes.regulators.keys()).length, 1, 'one after the dismissal');
    // At start a node logs the highest block in its database: after the restore, the backup's.
    const log = fs.readFileSync(`${env.BASE}.log`, 'utf8');
    const known = [...log.matchAll(/Highest known block at #(\d+)/g)].map((m) => Number(m[1]));
    assertEq(known.length, 2, 'the node started twice (before the backup, after the restore)');
    assertEq(known[0], 0, 'first start: an empty database');
    assert(known[1] > 0, `after the restore it starts from the backed-up block #${known[1]}`);
    console.log(`       restored database: the node restarted at #${known[1]}`);
  }, { timeoutMs: 600_000 });

  test('rotate-network-key: the new key licensed first, the node restarted with it, the old licence revoked', async () => {
    const peerOf = async () => (await fetch(`http://127.0.0.1:${harbour.rpc}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_localPeerId', params: [] }),
    }).then((r) => r.json())).result;
    const licensed = async () => [...(await api.query.nodeAuthorization.wellKnownNodes())].map((p) => u8aToHex(p));
    const old = await peerOf();
    await procedure('rotate-network-key');
    const now = await peerOf();
    assert(now && now !== old, `the node runs with a new network key (${old} → ${now})`);
    const register = await licensed();
    assert(register.includes(u8aToHex(base58Decode(now))), 'the new key is licensed');
    assert(!register.includes(u8aToHex(base58Decode(old))), 'the old key is revoked');
    assertEq(register.length, 6, 'still six licences');
    console.log(`       network key rotated: ${old.slice(0, 16)}… → ${now.slice(0, 16)}…, old licence revoked`);
  }, { timeoutMs: 420_000 });

  test('remove-validator and upgrade-runtime', async () => {
    let wasm = process.env.POLITY_NEXT_RUNTIME;
    if (!wasm) {
      const built = spawnSync('bash', ['scripts/build-next-runtime.sh'], { cwd: repoRoot, env, encoding: 'utf8' });
      assert(built.status === 0, `scripts/build-next-runtime.sh: ${built.stderr.slice(-400)}`);
      wasm = built.stdout.trim();
    }
    const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    // One after the other: both are signed by the same proposer and voters.
    await procedure('remove-validator');
    await procedure('upgrade-runtime', { WASM: wasm });
    assertEq((await api.query.session.validators()).length, 4, 'four validators again');
    const after = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    assertEq(after, before + 1, 'spec_version after the upgrade by vote');
  }, { timeoutMs: 900_000 });

  test('recover-finality: 2 of 4 validators down stalls finality; the runbook restores it', async () => {
    const down = ['chamber-of-commerce', 'residents-council'];
    for (const p of nodeProcesses(net).filter((x) => down.includes(x.name))) process.kill(p.pid, 'SIGTERM');
    await waitFor(() => nodeProcesses(net).every((p) => !down.includes(p.name)), { ms: 30_000, what: 'the two validators to stop' });
    const finalizedNow = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    const f0 = await finalizedNow();
    const b0 = (await api.rpc.chain.getHeader()).number.toNumber();
    await sleep(30_000);
    const f1 = await finalizedNow();
    const b1 = (await api.rpc.chain.getHeader()).number.toNumber();
    console.log(`       two validators down: best #${b0} → #${b1}, finalized #${f0} → #${f1} in 30 s`);
    assert(b1 > b0, 'blocks are still authored');
    assert(f1 <= f0 + 1, 'finality stalls');
    // Prometheus sees the lag grow on the supervision node.
    const lag = await ctx.query('max(substrate_block_height{status="best"}) - max(substrate_block_height{status="finalized"})');
    console.log(`       Prometheus finality lag: ${lag.length ? lag[0].value[1] : 'n/a'} blocks`);
    await procedure('recover-finality', { DOWN: down.join(' ') });
    // Every block authored during the stall gets finalized.
    const f2 = await waitFor(async () => { const f = await finalizedNow(); return f >= b1 ? f : null; },
      { ms: 60_000, what: `finality to pass #${b1}, the best block during the stall` });
    console.log(`       recovered: finalized #${f2}`);
  }, { timeoutMs: 420_000 });

  test('a receipt of that record verifies offline against the generated raw spec, across every authority-set change', async () => {
    const receipt = await waitFor(async () => {
      const r = await api._rpcCore.provider.send('dataOwnership_receipt', [ctx.record, null]);
      return r && r.authorityChanges.length > 0 ? r : null;
    }, { ms: 60_000, what: 'a finalized receipt after the authority-set changes' });
    const spec = path.join(net, 'chain-spec-raw.json');
    const good = await verifyReceipt(receipt, spec);
    assert(good.ok, `the receipt verifies against ${spec}: ${good.out}`);
    console.log(`       receipt at GRANDPA set #${receipt.setId}, ${receipt.authorityChanges.length} authority-set change(s) proven from the spec's genesis set`);
    const other = await verifyReceipt(receipt, 'local');
    assert(!other.ok && other.out.includes('WrongChain'), `the local testnet's spec refuses it: ${other.out.trim()}`);
  }, { timeoutMs: 120_000 });

  test('the Grafana dashboard\'s queries answer from Prometheus; polity_* metrics count what the runbook did', async () => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docker', 'grafana-dashboard.json'), 'utf8'));
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => [p.title, t.expr]));
    assert(exprs.length >= 14, `dashboard queries (${exprs.length})`);
    // Scrapes every 5 s: give the last enactments time to reach Prometheus.
    await sleep(6_000);
    for (const [title, expr] of exprs) {
      const res = await ctx.query(expr);
      assert(Array.isArray(res) && res.length > 0, `panel "${title}": ${expr} returns data`);
    }
    const value = async (q) => Number((await ctx.query(q))[0].value[1]);
    // Eight decisions, three votes each; one registration; the regulator appointed was dismissed.
    const votes = await value('max(polity_votes_total)');
    const enacted = await value('max(polity_enactments_total)');
    console.log(`       polity_votes_total ${votes}, polity_enactments_total ${enacted}, ` +
      `regulators ${await value('max(polity_regulators)')}, validators ${await value('max(polity_validators)')}, ` +
      `open proposals ${await value('max(polity_open_proposals)')}`);
    assert(votes >= 24, `at least 24 votes counted (${votes})`);
    assert(enacted >= 8, `at least 8 enactments counted (${enacted})`);
    assert(await value('max(polity_registrations_total)') >= 1, 'the registration counted');
    assertEq(await value('max(polity_regulators)'), 1, 'polity_regulators');
    assertEq(await value('max(polity_validators)'), 4, 'polity_validators');
    assertEq(await value('max(polity_open_proposals)'), 0, 'polity_open_proposals');
    assertEq(await value('max(polity_safe_mode)'), 0, 'polity_safe_mode');
  }, { timeoutMs: 60_000 });

  let result;
  try {
    result = await runTests({});
  } finally {
    if (api) await api.disconnect().catch(() => {});
    if (prometheus) prometheus.kill('SIGTERM');
    // Zombienet first (so it does not report its nodes' deaths), then every node of the network.
    const zn = path.join(net, 'zombienet.pid');
    if (fs.existsSync(zn)) { try { process.kill(Number(fs.readFileSync(zn, 'utf8')), 'SIGTERM'); } catch { /* gone */ } }
    for (const p of nodeProcesses(net)) { try { process.kill(p.pid, 'SIGTERM'); } catch { /* gone */ } }
    await sleep(2000);
    for (const p of nodeProcesses(net)) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ } }
    console.log(`       runbook transcript: ${transcript}; network: ${net}`);
  }
  return result;
}
