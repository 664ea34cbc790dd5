// The portal over its light client only: a two-node network on the dev chain (a validator, and a
// licensed full node that serves light clients on a WebSocket address), the portal served with the
// chain's raw spec and no node URL, headless Chromium. The page verifies finalized blocks itself
// (genesis from the spec, GRANDPA warp sync), a citizen votes, a data owner registers a file and
// checks a receipt, and no Polity RPC method is called on either node. A node that serves light
// clients still refuses an unlicensed full node; a page told to trust a node says so.

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, u8aConcat, hexToU8a, bnToU8a, stringToHex } from '@polkadot/util';
import { WebSocketServer, WebSocket } from 'ws';
import { assert, assertEq, runTests, test, waitFor, sleep } from '../lib/harness.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { buildPortal, connect, freePort, nodeBinary, peerIdOf, repoRoot, rpcCall, startNode } from '../lib/node.mjs';
import { polityRpc } from '../lib/definitions.mjs';

const portalDir = path.join(repoRoot, 'portal');
const shotsDir = path.join(repoRoot, 'tests', 'e2e', 'artifacts', 'light-client');
const CHROMIUM = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const key = (n) => String(n).padStart(64, '0');
/** Polity's own RPC methods: the light client must never need one. */
const POLITY_RPC = /^(stakeholderVoting|dataOwnership|supervision)_/;

/** Every RPC method a node was asked, from its Prometheus endpoint. */
async function rpcMethodsCalled(promUrl) {
  const text = await (await fetch(`${promUrl}/metrics`)).text();
  const methods = new Set();
  for (const line of text.split('\n')) {
    const m = /^substrate_rpc_calls_started\{[^}]*method="([^"]+)"/.exec(line);
    if (m) methods.add(m[1]);
  }
  return [...methods];
}

export async function run() {
  await cryptoWaitReady();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polity-light-'));
  const ctx = { state: {} };
  const started = [];
  try {
    // The validator: Alice's licensed node key.
    const promA = await freePort();
    const validator = await startNode({ name: 'light-validator', args: ['--dev', '--tmp', '--node-key', key(1), '--prometheus-port', String(promA)] });
    started.push(validator);
    const api = await connect(validator.wsUrl, { rpc: polityRpc });
    const validatorPeer = await peerIdOf(api);
    // The light clients' server: the licensed supervision node (key 00…05), WebSocket on `ws`.
    const ws = await freePort();
    const promB = await freePort();
    const server = await startNode({
      name: 'light-server',
      args: ['--chain', 'dev', '--tmp', '--node-key', key(5), '--serve-light-clients', '--prometheus-port', String(promB),
        '--listen-addr', `/ip4/127.0.0.1/tcp/${ws}/ws`,
        '--bootnodes', `/ip4/127.0.0.1/tcp/${validator.p2pPort}/p2p/${validatorPeer}`],
    });
    started.push(server);
    const serverApi = await connect(server.wsUrl, { rpc: polityRpc });
    const serverPeer = await peerIdOf(serverApi);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    Object.assign(ctx, {
      api, serverApi, validator, server, keyring, tmp, serverPeer, wsPort: ws,
      promUrls: [`http://127.0.0.1:${promA}`, `http://127.0.0.1:${promB}`],
      alice: keyring.addFromUri('//Alice'),
    });
    // The spec the page starts from: the dev chain's, with the server's WebSocket address.
    const raw = path.join(tmp, 'dev-raw.json');
    fs.writeFileSync(raw, execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev', '--raw'], { maxBuffer: 64 << 20 }));
    ctx.spec = path.join(tmp, 'dev-light.json');
    execFileSync(process.execPath, [path.join(repoRoot, 'tools', 'light-client-spec.mjs'), '--spec', raw,
      '--bootnode', `/ip4/127.0.0.1/tcp/${ws}/ws/p2p/${serverPeer}`, '--out', ctx.spec]);
    register();
    return await runTests(ctx);
  } finally {
    const { state } = ctx;
    if (state.browser) await state.browser.close().catch(() => {});
    if (state.server) state.server.kill();
    for (const api of [ctx.api, ctx.serverApi]) if (api) await api.disconnect().catch(() => {});
    for (const node of started.reverse()) await node.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const shot = (state, name) => state.page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
const text = (state, id) => state.page.textContent(`[data-testid=${id}]`);

async function feedback(state) {
  const el = await state.page.waitForSelector('[role=status][data-kind=ok], [role=status][data-kind=error]', { timeout: 120_000 });
  return [await el.getAttribute('data-kind'), await el.textContent()];
}

function register() {
  test('the light-client spec tool refuses what a browser cannot use', async ({ tmp, spec }) => {
    const tool = path.join(repoRoot, 'tools', 'light-client-spec.mjs');
    const out = path.join(tmp, 'refused.json');
    const refused = (args) => {
      try {
        execFileSync(process.execPath, [tool, ...args, '--out', out], { stdio: 'pipe' });
        return null;
      } catch (e) {
        return { status: e.status, stderr: String(e.stderr) };
      }
    };
    const tcp = refused(['--spec', spec, '--bootnode', '/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWCceksyUAYGjAacwPYPf5DsgSDYeWC8RojFZHnM1m8YrX']);
    assertEq(tcp?.status, 2, 'a plain TCP boot node is refused');
    assert(tcp.stderr.includes('WebSocket'), `named: ${tcp.stderr}`);
    const noPeer = refused(['--spec', spec, '--bootnode', '/ip4/127.0.0.1/tcp/30334/ws']);
    assertEq(noPeer?.status, 2, 'a boot node without a peer id is refused');
    const plain = path.join(tmp, 'plain.json');
    fs.writeFileSync(plain, JSON.stringify({ name: 'x', genesis: { runtimeGenesis: {} } }));
    const notRaw = refused(['--spec', plain, '--bootnode', '/ip4/127.0.0.1/tcp/1/ws/p2p/12D3KooWCceksyUAYGjAacwPYPf5DsgSDYeWC8RojFZHnM1m8YrX']);
    assertEq(notRaw?.status, 2, 'a spec that is not raw is refused');
    assert(notRaw.stderr.includes('raw'), `named: ${notRaw.stderr}`);
    assert(!fs.existsSync(out), 'nothing written when refused');
  });

  test('a node serving light clients still refuses an unlicensed full node', async ({ server, serverPeer }) => {
    const outsider = await startNode({
      name: 'light-outsider',
      args: ['--chain', 'dev', '--tmp', '--node-key', key(7), '--bootnodes', `/ip4/127.0.0.1/tcp/${server.p2pPort}/p2p/${serverPeer}`],
    });
    try {
      const outsiderApi = await connect(outsider.wsUrl, { rpc: polityRpc });
      await sleep(15_000);
      const best = (await outsiderApi.rpc.chain.getHeader()).number.toNumber();
      const peers = (await outsiderApi.rpc.system.health()).peers.toNumber();
      await outsiderApi.disconnect();
      assertEq(best, 0, 'the unlicensed full node stays at genesis');
      assertEq(peers, 0, 'the light-client server keeps it as no peer');
    } finally {
      await outsider.stop();
    }
  }, { timeoutMs: 90_000 });

  test('the portal, over its light client only, verifies finalized blocks from the shipped spec', async ({ api, spec, state, tmp, wsPort }) => {
    assert(CHROMIUM, 'Chromium is installed (scripts/setup.sh)');
    // A build of its own: the portal suite builds portal/dist at the same time.
    const dist = path.join(tmp, 'dist');
    buildPortal(dist);
    const bundles = fs.readdirSync(path.join(dist, 'assets')).filter((f) => /\.(js|wasm)$/.test(f))
      .map((f) => `${f.replace(/-[\w-]+\.(js|wasm)$/, '.$1')} ${Math.round(zlib.gzipSync(fs.readFileSync(path.join(dist, 'assets', f))).length / 1024)} KiB gzipped`);
    console.log(`       bundles: ${bundles.join(', ')}`);
    const port = await freePort();
    state.server = spawn(process.execPath, ['serve.mjs', '--port', String(port), '--chain-spec', spec, '--dist', dist], { cwd: portalDir, stdio: 'ignore' });
    state.base = `http://127.0.0.1:${port}/`;
    await waitFor(async () => (await fetch(`${state.base}chain-spec.json`)).ok, { ms: 10_000, what: 'the portal server' });
    const { chromium } = await import('playwright-core');
    state.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    state.context = await state.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    state.page = await state.context.newPage();
    state.errors = [];
    state.page.on('pageerror', (e) => state.errors.push(e.message));
    state.console = [];
    state.page.on('console', (m) => state.console.push(`${m.type()}: ${m.text()}`.slice(0, 300)));
    state.ws = [];
    state.page.on('websocket', (s) => state.ws.push(s.url()));
    fs.mkdirSync(shotsDir, { recursive: true });
    const t0 = Date.now();
    await state.page.goto(state.base);
    await state.page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
    await state.page.waitForSelector('body[data-first-verified-ms]', { timeout: 60_000 });
    const verifiedMs = Number(await state.page.getAttribute('body', 'data-first-verified-ms'));
    const genesis = await state.page.getAttribute('[data-testid=verified]', 'data-genesis');
    assertEq(genesis, api.genesisHash.toHex(), 'the page shows the genesis hash of the chain it verified');
    assertEq(await state.page.$('[data-testid=trust-notice]'), null, 'no trust notice: no node is trusted');
    const shown = Number((await text(state, 'finalized')).replace(/\D+/g, ''));
    const nodeFinal = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    assert(shown > 0 && shown <= nodeFinal + 1, `finalized #${shown} shown (the network has #${nodeFinal})`);
    await waitFor(async () => {
      const [n, hash] = await state.page.evaluate(() => {
        const el = document.querySelector('[data-testid=verified]');
        return [Number(document.querySelector('[data-testid=finalized]').textContent.replace(/\D+/g, '')), el.dataset.finalizedHash];
      });
      return hash && hash === (await api.rpc.chain.getBlockHash(n)).toHex();
    }, { ms: 20_000, what: 'the verified finalized block to be the network\'s block of that number' });
    // The page opened no RPC connection: its only sockets are libp2p ones to the boot node.
    assert(state.ws.length > 0 && state.ws.every((u) => u.includes(`:${wsPort}`)), `sockets: ${state.ws.join(', ')}`);
    console.log(`       page load to first verified finalized block: ${verifiedMs} ms (${Date.now() - t0} ms to ready incl. navigation)`);
    await shot(state, '01-light-client');
  }, { timeoutMs: 240_000 });

  test('a citizen votes through the light client; the tally it verifies changes', async ({ api, alice, state }) => {
    const call = api.tx.system.remark('light');
    const tx = api.tx.stakeholderVoting.propose(0, 'Light client vote', blake2AsHex('light client'), call);
    const { events } = await sendAndWait(api, tx, alice);
    const index = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data[0].toNumber();
    await state.page.goto('about:blank');
    await state.page.goto(`${state.base}#/proposal/${index}`);
    await state.page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
    await state.page.selectOption('[data-testid=account]', { label: 'Bob · development account' });
    await state.page.waitForSelector('[data-testid=vote-Aye]', { timeout: 60_000 });
    await state.page.click('[data-testid=vote-Aye]');
    const [kind, words] = await feedback(state);
    assertEq(kind, 'ok', `vote feedback (${words})`);
    await waitFor(async () => (await text(state, 'tally-counts')).includes('Market 1/0/0'), { ms: 60_000, what: 'the tally to show Bob\'s aye' });
    await shot(state, '02-light-vote');
  }, { timeoutMs: 240_000 });

  test('a data owner registers a file through the light client and the page checks a full node\'s receipt against the spec', async ({ api, server, state, tmp }) => {
    const content = Buffer.from(`Light deed ${new Date().toISOString()}\n`);
    const hash = blake2AsHex(content, 256);
    await state.page.goto('about:blank');
    await state.page.goto(`${state.base}#/data`);
    await state.page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
    await state.page.selectOption('[data-testid=account]', { label: 'Charlie · development account' });
    await state.page.setInputFiles('[data-testid=file-drop] input', { name: 'deed.txt', mimeType: 'text/plain', buffer: content });
    await waitFor(async () => (await text(state, 'content-hash')) === hash, { what: 'the file hashed in the browser' });
    await state.page.click('[data-testid=register-form] button[type=submit]');
    const [kind, words] = await feedback(state);
    assertEq(kind, 'ok', `registration feedback (${words})`);
    assert(/finalized in block #\d+/.test(words), `the light client saw it finalized (${words})`);
    const record = await api.call.dataOwnershipApi.record(hash);
    assert(record.isSome, 'the record is on chain');
    // The receipt file comes from a full node (it carries a GRANDPA justification)…
    const receipt = await waitFor(() => rpcCall(server, 'dataOwnership_registrationReceipt', [hash]).catch(() => null),
      { ms: 90_000, what: 'a justified receipt' });
    const file = path.join(tmp, 'receipt.json');
    fs.writeFileSync(file, JSON.stringify(receipt));
    state.receipt = receipt;
    const deed = path.join(tmp, 'deed.txt');
    fs.writeFileSync(deed, content);
    // …and the page checks it with polity-receipt (wasm) against the served spec alone.
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [file, deed]);
    await state.page.waitForSelector('[data-testid=verdict]');
    const valid = await state.page.getAttribute('[data-testid=verdict]', 'data-valid');
    if (valid !== 'true') console.log(state.console.slice(-25).join('\n'));
    assertEq(valid, 'true', `verdict: ${await text(state, 'verdict')}`);
    await shot(state, '03-light-receipt');
    const forged = path.join(tmp, 'forged.json');
    fs.writeFileSync(forged, JSON.stringify({ ...receipt, record: receipt.record.replace(/..$/, (c) => (c === '00' ? '01' : '00')) }));
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [forged]);
    await waitFor(async () => (await state.page.getAttribute('[data-testid=verdict]', 'data-valid')) === 'false', { what: 'a forged receipt to be refused' });
  }, { timeoutMs: 300_000 });

  test('a lying node: over the light client the page shows the true state; over ?rpc= to the liar a forged receipt is still refused', async ({ api, server, state, tmp }) => {
    // The liar: a JSON-RPC proxy in front of the light-client server that renames scope 0 in
    // every runtime answer and names its own key as the only GRANDPA authority.
    const mallory = new Keyring({ type: 'ed25519' }).addFromUri('//Mallory//grandpa');
    const forgedAuthorities = u8aToHex(u8aConcat(new Uint8Array([4]), mallory.publicKey, bnToU8a(1n, { bitLength: 64, isLe: true })));
    const [truth, lie] = [stringToHex('polity').slice(2), stringToHex('pwned!').slice(2)];
    const port = await freePort();
    const wss = new WebSocketServer({ host: '127.0.0.1', port });
    let lies = 0;
    wss.on('connection', (client) => {
      const upstream = new WebSocket(server.wsUrl);
      const calls = new Map();
      const queue = [];
      upstream.on('open', () => { for (const m of queue.splice(0)) upstream.send(m); });
      client.on('message', (m) => {
        const msg = JSON.parse(m.toString());
        if (msg.method === 'state_call') calls.set(msg.id, msg.params[0]);
        if (upstream.readyState === WebSocket.OPEN) upstream.send(m.toString()); else queue.push(m.toString());
      });
      upstream.on('message', (m) => {
        const msg = JSON.parse(m.toString());
        const method = calls.get(msg.id);
        if (method === 'GrandpaApi_grandpa_authorities' && msg.result) { msg.result = forgedAuthorities; lies += 1; }
        if (method === 'StakeholderVotingApi_scope' && typeof msg.result === 'string' && msg.result.includes(truth)) { msg.result = msg.result.replace(truth, lie); lies += 1; }
        client.send(JSON.stringify(msg));
      });
      client.on('close', () => upstream.close());
      upstream.on('close', () => client.close());
    });
    try {
      const liar = `ws://127.0.0.1:${port}`;
      // Over the liar the page shows the lie, and says whom it trusts.
      await state.page.goto('about:blank');
      await state.page.goto(`${state.base}?rpc=${encodeURIComponent(liar)}#/governance`);
      await state.page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
      await state.page.waitForSelector('text=pwned!', { timeout: 30_000 });
      assert((await text(state, 'trust-notice')).includes(liar), 'the trust notice names the liar');
      await shot(state, '05-liar-trusted');
      // A receipt whose finality is signed by the liar's key: the liar vouches for that key, the
      // shipped spec does not. The check takes finality from a light client started from the spec.
      const { receipt } = state;
      const j = api.createType('GrandpaJustification', receipt.finality.justification);
      const target = j.commit.targetHash.toHex();
      const number = j.commit.targetNumber.toNumber();
      const u64 = (n) => bnToU8a(BigInt(n), { bitLength: 64, isLe: true });
      const message = u8aConcat(new Uint8Array([1]), hexToU8a(target), bnToU8a(number, { bitLength: 32, isLe: true }), u64(j.round.toString()), u64(receipt.setId));
      const forgedJ = api.createType('GrandpaJustification', {
        round: j.round, commit: { targetHash: target, targetNumber: number,
          precommits: [{ precommit: { targetHash: target, targetNumber: number }, signature: mallory.sign(message), id: mallory.publicKey }] },
        votesAncestries: [],
      });
      const forged = path.join(tmp, 'forged-finality.json');
      fs.writeFileSync(forged, JSON.stringify({ ...receipt, finality: { ...receipt.finality, justification: forgedJ.toHex() } }));
      await state.page.goto('about:blank');
      await state.page.goto(`${state.base}?rpc=${encodeURIComponent(liar)}#/data`);
      await state.page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
      await state.page.setInputFiles('[data-testid=receipt-drop] input', [forged]);
      await state.page.waitForSelector('[data-testid=verdict]', { timeout: 60_000 });
      const verdict = await text(state, 'verdict');
      assertEq(await state.page.getAttribute('[data-testid=verdict]', 'data-valid'), 'false', `the forged finality is refused: ${verdict}`);
      assert(/GRANDPA|finality/i.test(verdict), `refused for its finality: ${verdict}`);
      await shot(state, '06-liar-forged-receipt');
      // The genuine receipt still verifies through the liar (the record proof needs no node).
      await state.page.setInputFiles('[data-testid=receipt-drop] input', [path.join(tmp, 'receipt.json')]);
      await waitFor(async () => (await state.page.getAttribute('[data-testid=verdict]', 'data-valid')) === 'true', { what: 'the genuine receipt to verify' });
      // Over the light client, the same page shows the truth: the liar is not asked.
      await state.page.goto('about:blank');
      await state.page.goto(`${state.base}#/governance`);
      await state.page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
      await state.page.waitForSelector('text=polity', { timeout: 30_000 });
      assertEq(await state.page.$('text=pwned!'), null, 'no lie shown over the light client');
      assert(lies > 0, 'the liar lied');
      console.log(`       the liar altered ${lies} answers; the page over the light client showed none of them`);
    } finally {
      wss.close();
    }
  }, { timeoutMs: 240_000 });

  test('no Polity RPC method was called on either node; a page told to trust a node says so', async ({ server, promUrls, state }) => {
    assertEq(state.errors, [], 'no uncaught page errors');
    for (const url of promUrls) {
      const called = (await rpcMethodsCalled(url)).filter((m) => POLITY_RPC.test(m) && m !== 'dataOwnership_registrationReceipt');
      assertEq(called, [], `Polity RPC methods called on ${url}`);
    }
    await state.page.goto('about:blank');
    await state.page.goto(`${state.base}?rpc=${encodeURIComponent(server.wsUrl)}#/network`);
    await state.page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
    const notice = await text(state, 'trust-notice');
    assert(notice.includes(server.wsUrl) && /Trusting/.test(notice), `trust notice: ${notice}`);
    assertEq(await state.page.$('[data-testid=verified]'), null, 'nothing claims to be verified');
    await shot(state, '04-trusting-a-node');
  }, { timeoutMs: 120_000 });
}
