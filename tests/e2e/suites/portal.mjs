// The Polity portal in a real browser: headless Chromium (Debian's package) driven by
// playwright-core, against a live `--dev` node. A citizen votes and sees the tally change; a
// proposal closes and shows its enactment; a dropped file is registered and its downloaded
// receipt verifies (in the page and with `polity-node verify-receipt`); a regulator approves a
// freeze and finds it in the account's timeline; a citizen delegates and seals, then reveals, a
// secret vote; errors read as words; the Chinese locale and a phone width render. Screenshots of every page go to tests/e2e/artifacts/portal/.

import { spawn, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { assert, assertEq, sleep, test, waitFor } from '../lib/harness.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { withDevNode } from '../lib/suite.mjs';
import { buildPortal, freePort, nodeBinary, repoRoot, rpcCall } from '../lib/node.mjs';

export const run = () => withDevNode('portal', register);

const portalDir = path.join(repoRoot, 'portal');
export const shotsDir = path.join(repoRoot, 'tests', 'e2e', 'artifacts', 'portal');
const CHROMIUM = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

/** Builds the portal, serves it, opens Chromium; the suite's browser state lives in `state`. */
async function openPortal(state, wsUrl) {
  assert(CHROMIUM, 'Chromium is installed (scripts/setup.sh installs Debian\'s chromium package)');
  assert(fs.existsSync(path.join(portalDir, 'node_modules')), 'portal/node_modules exists (run scripts/setup.sh)');
  buildPortal();
  const port = await freePort();
  // The dev chain's raw spec, served beside the page: the receipt verifier's trust root (the page
  // itself trusts the node named by ?rpc=, and says so).
  const spec = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polity-portal-spec-')), 'dev-raw.json');
  fs.writeFileSync(spec, execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev', '--raw'], { maxBuffer: 64 << 20 }));
  state.server = spawn(process.execPath, ['serve.mjs', '--port', String(port), '--node', wsUrl, '--chain-spec', spec], { cwd: portalDir, stdio: 'ignore' });
  state.base = `http://127.0.0.1:${port}/?rpc=${encodeURIComponent(wsUrl)}`;
  const { chromium } = await import('playwright-core');
  state.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  state.context = await state.browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true, locale: 'en-US' });
  state.page = await state.context.newPage();
  state.errors = [];
  state.page.on('pageerror', (e) => state.errors.push(e.message));
  fs.mkdirSync(shotsDir, { recursive: true });
  await waitFor(async () => (await fetch(state.base)).ok, { ms: 10_000, what: 'the portal server' });
}

/** Opens `route` as `account` and waits until the portal is connected. */
async function open(state, route, account) {
  const { page } = state;
  // A fresh document each time: a change of #fragment alone would keep the last page's state.
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${state.base}${route}`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
  const ms = Date.now() - started;
  if (account) await page.selectOption('[data-testid=account]', { label: `${account} · development account` });
  return ms;
}

const shot = (state, name) => state.page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
const text = (state, id) => state.page.textContent(`[data-testid=${id}]`);

/** Waits for a transaction's feedback line to settle; returns [kind, text]. */
async function feedback(state) {
  const el = await state.page.waitForSelector('[role=status][data-kind=ok], [role=status][data-kind=error]', { timeout: 90_000 });
  return [await el.getAttribute('data-kind'), await el.textContent()];
}

function proposedIndex(api, events) {
  const ev = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event));
  return ev.event.data[0].toNumber();
}

function register() {
  test('the language catalogs hold every key in every language, and every error they name is the runtime\'s', async ({ api }) => {
    const dir = path.join(portalDir, 'locales');
    const catalogs = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))
      .map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]));
    assertEq(Object.keys(catalogs).sort(), ['en.json', 'zh-CN.json'], 'one catalog per language');
    for (const part of ['ui', 'errors']) {
      const keys = new Set(Object.values(catalogs).flatMap((c) => Object.keys(c[part])));
      for (const [file, c] of Object.entries(catalogs)) {
        const missing = [...keys].filter((k) => typeof c[part][k] !== 'string' || c[part][k] === '');
        assertEq(missing, [], `${file} ${part} keys missing`);
      }
    }
    // `pallet.Error` keys name errors in the runtime's metadata; the others are pool errors.
    const poolErrors = ['Payment', 'Stale', 'Cancelled', 'BadOrigin'];
    const unknown = Object.keys(catalogs['en.json'].errors).filter((key) => {
      if (!key.includes('.')) return !poolErrors.includes(key);
      const [pallet, name] = key.split('.');
      return !api.errors[pallet]?.[name];
    });
    assertEq(unknown, [], 'error keys that are no error of the runtime');
  });

  test('the portal loads against the dev node', async ({ api, node, state }) => {
    await openPortal(state, node.wsUrl);
    state.loadMs = await open(state, '#/');
    await state.page.waitForSelector('[data-testid=sector]');
    assertEq(await text(state, 'sector'), 'Government', 'Alice is shown as government');
    console.log(`       page load to connected: ${state.loadMs} ms`);
    await shot(state, '01-citizen');
  }, { timeoutMs: 180_000 });

  test('a citizen finds a proposal to vote on, reads it (text, decoded call) and votes; the tally changes', async ({ api, alice, bob, state }) => {
    const description = 'Replace the pump of district 7.\n更换第七区的水泵。';
    // A chain-wide decision with a call: create a scope for the pump's users.
    const rule = { weighting: { Headcount: null }, approval: 500_000_000, quorum: 200_000_000, sectorBalance: true, votingPeriod: 5 };
    const call = api.tx.stakeholderVoting.createScope('district-7-pump', rule);
    const tx = api.tx.utility.batchAll([
      api.tx.preimage.notePreimage(description),
      api.tx.stakeholderVoting.propose(0, 'Replace the pump', blake2AsHex(description), call),
    ]);
    state.index = proposedIndex(api, (await sendAndWait(api, tx, alice)).events);
    // Bob finds it on his "to vote" list, and opens it from there.
    await open(state, '#/', 'Bob');
    await state.page.click(`[data-testid=to-vote] [data-testid=proposal-${state.index}]`);
    await state.page.waitForSelector('[data-testid=description]');
    assertEq(await text(state, 'description'), description, 'description shown as noted');
    assert((await text(state, 'call')).includes('stakeholderVoting.createScope'), 'the call is decoded');
    assert((await text(state, 'call')).includes('district-7-pump'), 'with its arguments');
    assert((await text(state, 'tally-counts')).includes('Market 0/0/0'), 'no market votes yet');
    assertEq(await text(state, 'my-vote'), 'Not voted yet', 'Bob has not voted');
    await state.page.click('[data-testid=vote-Aye]');
    const [kind, words] = await feedback(state);
    assertEq(kind, 'ok', `vote feedback (${words})`);
    assert(/finalized in block #\d+/.test(words), 'the feedback names the finalized block');
    await waitFor(async () => (await text(state, 'tally-counts')).includes('Market 1/0/0'), { what: 'the tally to show Bob\'s aye' });
    assertEq(await text(state, 'my-vote'), 'Aye', 'my vote shown');
    assertEq((await api.query.stakeholderVoting.votes(state.index, bob.address)).unwrap().choice.toString(), 'Aye', 'the vote is on chain');
    await shot(state, '02-proposal-voted');
  }, { timeoutMs: 180_000 });

  test('a proposal closes by itself and the page shows its enactment', async ({ api, alice, charlie, state }) => {
    // Every sector approves (the chain-wide scope balances sectors): Alice and Charlie too.
    await sendAndWait(api, api.tx.stakeholderVoting.vote(state.index, 'Aye'), alice);
    await sendAndWait(api, api.tx.stakeholderVoting.vote(state.index, 'Aye'), charlie);
    await state.page.waitForSelector('[data-testid=enacted], [data-testid=enactment-failed]', { timeout: 120_000 });
    assert(await state.page.$('[data-testid=enacted]'), `enacted: ${await text(state, 'outcome')}`);
    assert((await api.query.stakeholderVoting.nextScopeId()).toNumber() === 3, 'the decision executed: a third scope');
    assertEq(await state.page.getAttribute('[data-testid=outcome]', 'data-status'), 'Approved', 'status approved');
    await shot(state, '03-proposal-enacted');
  }, { timeoutMs: 180_000 });

  test('a stakeholder with no tokens votes free; a change of vote is not free', async ({ api, alice, keyring, state }) => {
    const citizen = keyring.addFromUri('//PortalCitizen');
    await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.admit(citizen.address, 'Community', 1, 5)), alice);
    const index = proposedIndex(api, (await sendAndWait(api, api.tx.stakeholderVoting.propose(1, 'Free votes', blake2AsHex('free'), null), alice)).events);
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Nay'), citizen);
    assert(events.some(({ event }) => api.events.skipFeelessPayment.FeeSkipped.is(event)), 'FeeSkipped emitted');
    assertEq((await api.query.system.account(citizen.address)).data.free.toString(), '0', 'no balance, none spent');
    const vote = await api.query.stakeholderVoting.votes(index, citizen.address);
    assertEq(vote.unwrap().choice.toString(), 'Nay', 'the vote counts');
    let refused = '';
    try { await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), citizen); } catch (e) { refused = e.message; }
    assert(/pay some fees|Payment/.test(refused), `a change is refused for want of fees (${refused})`);
  }, { timeoutMs: 120_000 });

  test('a citizen proposes a text proposal from the page and reads it back', async ({ api, state }) => {
    await open(state, '#/', 'Charlie');
    const title = 'Open the library on Sundays';
    const description = 'Sunday opening, 10:00–16:00.\n周日开放图书馆。';
    await state.page.fill('[data-testid=propose-form] input[name=title]', title);
    await state.page.fill('[data-testid=propose-form] textarea[name=description]', description);
    await state.page.click('[data-testid=propose-form] button[type=submit]');
    await state.page.waitForSelector('[data-testid=page-proposal] [data-testid=description]', { timeout: 90_000 });
    assert((await text(state, 'proposal-title')).endsWith(title), 'the new proposal\'s page opens');
    assertEq(await text(state, 'description'), description, 'its description was noted on chain');
    assert((await state.page.textContent('[data-testid=page-proposal]')).includes('Nothing: a text proposal'), 'a text proposal has no call');
  }, { timeoutMs: 120_000 });

  test('a browser wallet\'s injected account signs (the standard injected-accounts interface)', async ({ api, keyring, state }) => {
    // A wallet as extensions inject it (window.injectedWeb3), its keys held outside the page.
    const wallet = keyring.addFromUri('//Ferdie');
    await state.page.exposeFunction('__walletSign', (payload) => {
      const raw = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
      return { id: 1, signature: raw.sign(wallet).signature };
    });
    await state.page.addInitScript((address) => {
      window.injectedWeb3 = { 'test-wallet': { version: '1.0.0', enable: async () => ({
        accounts: { get: async () => [{ address, name: 'Wallet Ferdie', type: 'sr25519' }], subscribe: (cb) => { cb([{ address, name: 'Wallet Ferdie', type: 'sr25519' }]); return () => {}; } },
        signer: { signPayload: (payload) => window.__walletSign(payload) },
      }) } };
    }, wallet.address);
    await open(state, '#/data');
    await state.page.click('text=Use a browser wallet');
    await state.page.waitForSelector('[data-testid=account] option:has-text("Wallet Ferdie")', { state: 'attached' });
    await state.page.selectOption('[data-testid=account]', { label: 'Wallet Ferdie · test-wallet' });
    const content = Buffer.from(`signed by a wallet ${Date.now()}`);
    await state.page.setInputFiles('[data-testid=file-drop] input', { name: 'wallet.txt', mimeType: 'text/plain', buffer: content });
    await state.page.click('[data-testid=register-form] button[type=submit]');
    await state.page.waitForSelector('[data-testid=download-receipt]', { timeout: 120_000 });
    const record = await api.query.dataOwnership.records(blake2AsHex(content, 256));
    assert(record.isSome && record.unwrap().owner.eq(wallet.address), 'registered by the wallet\'s account');
  }, { timeoutMs: 180_000 });

  test('a field over its on-chain limit is caught before signing', async ({ state }) => {
    await open(state, '#/', 'Alice');
    await state.page.fill('[data-testid=propose-form] input[name=title]', 'x'.repeat(129));
    await state.page.waitForSelector('[data-testid=limit-error]');
    assert((await text(state, 'limit-error')).includes('at most 128'), 'the limit from metadata is named');
    await state.page.click('[data-testid=propose-form] button[type=submit]');
    const [kind] = await feedback(state);
    assertEq(kind, 'error', 'nothing is signed');
  });

  test('a dropped file is registered, and its receipt downloads and verifies', async ({ api, state }) => {
    const content = Buffer.from(`Deed of plot 42, signed ${new Date().toISOString()}\n`);
    const hash = blake2AsHex(content, 256);
    await open(state, '#/data', 'Charlie');
    await state.page.setInputFiles('[data-testid=file-drop] input', { name: 'deed.txt', mimeType: 'text/plain', buffer: content });
    await waitFor(async () => (await text(state, 'content-hash')) === hash, { what: 'the file hashed in the browser' });
    await state.page.click('[data-testid=register-form] button[type=submit]');
    const button = await state.page.waitForSelector('[data-testid=download-receipt]', { timeout: 120_000 });
    const [download] = await Promise.all([state.page.waitForEvent('download'), button.click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polity-portal-'));
    const receiptPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(receiptPath);
    const receipt = JSON.parse(fs.readFileSync(receiptPath, 'utf8'));
    assertEq(receipt.contentHash, hash, 'receipt for the file');
    const out = execFileSync(nodeBinary(), ['verify-receipt', '--chain', 'dev', '--insecure-dev-keys', receiptPath], { encoding: 'utf8' });
    assert(out.includes('VALID'), `polity-node verify-receipt: ${out}`);
    await shot(state, '04-data-registered');
    // Dropped back on the page with the file: valid.
    const filePath = path.join(dir, 'deed.txt');
    fs.writeFileSync(filePath, content);
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [receiptPath, filePath]);
    await state.page.waitForSelector('[data-testid=verdict]');
    assertEq(await state.page.getAttribute('[data-testid=verdict]', 'data-valid'), 'true', `verdict: ${await text(state, 'verdict')}`);
    await shot(state, '05-receipt-valid');
    // Another file, or a forged header: invalid, in words.
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'not the deed');
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [receiptPath, other]);
    await waitFor(async () => (await state.page.getAttribute('[data-testid=verdict]', 'data-valid')) === 'false', { what: 'a wrong file to be refused' });
    assert((await text(state, 'verdict')).includes('does NOT match'), 'the mismatch is named');
    const forged = path.join(dir, 'forged.json');
    fs.writeFileSync(forged, JSON.stringify({ ...receipt, header: receipt.header.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }));
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [forged]);
    await waitFor(async () => (await text(state, 'verdict')).includes('forged'), { what: 'a forged header to be named' });
    await shot(state, '06-receipt-forged');
    // A changed record, or a proof missing its nodes: the storage proof, read in the page, says so.
    const changed = path.join(dir, 'changed.json');
    fs.writeFileSync(changed, JSON.stringify({ ...receipt, record: receipt.record.replace(/..$/, (c) => (c === '00' ? '01' : '00')) }));
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [changed]);
    await waitFor(async () => (await text(state, 'verdict')).includes('differs from the receipt'), { what: 'a changed record to be named' });
    const stripped = path.join(dir, 'stripped.json');
    const root = api.createType('Header', receipt.header).stateRoot.toHex();
    const withoutRoot = receipt.proof.filter((n) => blake2AsHex(n, 256) !== root);
    assertEq(withoutRoot.length, receipt.proof.length - 1, 'the proof holds its root node once');
    fs.writeFileSync(stripped, JSON.stringify({ ...receipt, proof: withoutRoot }));
    await state.page.setInputFiles('[data-testid=receipt-drop] input', [stripped]);
    await waitFor(async () => (await text(state, 'verdict')).includes('storage proof does not show'), { what: 'a stripped proof to be named' });
    assertEq(await state.page.getAttribute('[data-testid=verdict]', 'data-valid'), 'false', 'stripped proof invalid');
    // One verifier: the same files through the CLI and through the page's wasm give the same
    // verdicts, down to the broken link's name.
    const cli = (file) => {
      const run = spawnSync(nodeBinary(), ['verify-receipt', '--chain', 'dev', '--insecure-dev-keys', file], { encoding: 'utf8' });
      if (run.status === 0) return 'VALID';
      const m = /INVALID receipt: (\w+):/.exec(run.stderr + run.stdout);
      return m ? m[1] : `exit ${run.status}: ${run.stderr}`;
    };
    const page = async (file) => {
      await state.page.setInputFiles('[data-testid=receipt-drop] input', [file]);
      await state.page.waitForSelector('[data-testid=verdict]');
      await sleep(300);
      const v = state.page.locator('[data-testid=verdict]');
      return (await v.getAttribute('data-valid')) === 'true' ? 'VALID' : await v.getAttribute('data-link');
    };
    const otherChain = path.join(dir, 'other-block.json');
    fs.writeFileSync(otherChain, JSON.stringify({ ...receipt, blockHash: `0x${'ab'.repeat(32)}` }));
    // A precommit signature with one bit flipped (its last byte sits before the signer's id and
    // the empty ancestry): finality that no authority signed.
    const badSignature = path.join(dir, 'bad-signature.json');
    const j = receipt.finality.justification;
    const at = j.length - 2 * 34;
    fs.writeFileSync(badSignature, JSON.stringify({ ...receipt, finality: { ...receipt.finality,
      justification: j.slice(0, at) + (j.slice(at, at + 2) === '00' ? '01' : '00') + j.slice(at + 2) } }));
    const verdicts = [];
    for (const file of [receiptPath, forged, changed, stripped, otherChain, badSignature]) {
      // A blank page between files, so no verdict is read twice.
      await open(state, '#/data');
      const [byCli, byPage] = [cli(file), await page(file)];
      assertEq(byPage, byCli, `${path.basename(file)}: the page's verdict is the CLI's`);
      verdicts.push(`${path.basename(file)} ${byCli}`);
    }
    assertEq(verdicts[0], `${path.basename(receiptPath)} VALID`, 'the genuine receipt is valid in both');
    console.log(`       CLI = page: ${verdicts.join(', ')}`);
  }, { timeoutMs: 300_000 });

  test('a batch over the chain\'s limit is refused before signing; a batch within it registers', async ({ api, state }) => {
    await open(state, '#/data', 'Eve');
    const max = api.consts.dataOwnership.maxBatch.toNumber();
    const files = (n, tag) => Array.from({ length: n }, (_, i) => ({ name: `${tag}-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${tag} ${i} ${Date.now()}`) }));
    await state.page.setInputFiles('[data-testid=batch-drop] input', files(max + 1, 'too-many'));
    await state.page.waitForSelector('[data-testid=batch-error]');
    assert((await text(state, 'batch-error')).includes(`at most ${max}`), 'the batch limit from metadata is named');
    const three = files(3, 'minutes');
    await state.page.setInputFiles('[data-testid=batch-drop] input', three);
    await waitFor(async () => (await text(state, 'batch-count')).startsWith('3'), { what: 'three files hashed' });
    await state.page.click('[data-testid=register-batch]');
    const [kind, words] = await feedback(state);
    assertEq(kind, 'ok', `batch registered (${words})`);
    for (const f of three) assert((await api.query.dataOwnership.records(blake2AsHex(f.buffer, 256))).isSome, `${f.name} registered`);
  }, { timeoutMs: 120_000 });

  test('a regulator approves a freeze and finds it in the account\'s timeline', async ({ api, alice, dave, state }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose({ Freeze: { who: dave.address, until: now + 1000 } }, null, 'suspected fraud'), alice);
    const motion = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data[0].toNumber();
    await open(state, '#/regulator', 'Bob');
    await state.page.click(`[data-testid=approve-${motion}]`);
    const [kind, words] = await feedback(state);
    assertEq(kind, 'ok', `approval (${words})`);
    await state.page.fill('[data-testid=audit-account]', dave.address);
    await state.page.click('[data-testid=audit-search]');
    await state.page.waitForSelector('[data-testid=timeline] li[data-kind=freeze]');
    assert((await text(state, 'freeze-state')).startsWith('Frozen until block'), 'frozen, in words');
    assert((await text(state, 'timeline')).includes('suspected fraud'), 'the reason is in the timeline');
    await shot(state, '07-regulator-timeline');
  }, { timeoutMs: 180_000 });

  test('a frozen account\'s transaction is refused in words', async ({ state }) => {
    await open(state, '#/data', 'Dave');
    await state.page.setInputFiles('[data-testid=file-drop] input', { name: 'dave.txt', mimeType: 'text/plain', buffer: Buffer.from(`dave ${Date.now()}`) });
    await state.page.click('[data-testid=register-form] button[type=submit]');
    const [kind, words] = await feedback(state);
    assertEq(kind, 'error', 'refused');
    assert(words.includes('frozen by the regulators'), `in words: ${words}`);
    // Asked of the runtime before signing (WhyRefusedApi): nothing was signed or sent.
    assert(words.includes('nothing signed'), `refused before signing: ${words}`);
  }, { timeoutMs: 120_000 });

  test('network and governance pages read the chain', async ({ state }) => {
    await open(state, '#/network');
    await state.page.waitForSelector('[data-testid=validators] li');
    assert((await text(state, 'pallets')).includes('StakeholderVoting: running'), 'pause state per pallet');
    await shot(state, '08-network');
    await open(state, '#/governance');
    await state.page.waitForSelector('[data-testid=turnout-1] .bar-row');
    assert((await text(state, 'outcomes-1')).includes('1'), 'outcomes counted');
    await shot(state, '09-governance');
  });

  test('a citizen delegates from the page; a secret ballot is sealed, its tally hidden, then revealed from the page', async ({ api, alice, bob, charlie, dave, state }) => {
    // Dave delegates his local vote to Bob — frozen by the regulators above, he still may:
    // delegating is voting.
    await open(state, '#/citizen/1', 'Dave');
    await state.page.waitForSelector('[data-testid=delegation-state]');
    await state.page.fill('[data-testid=delegation] input[name=delegate]', bob.address);
    await state.page.click('[data-testid=delegate]');
    const [dk, dw] = await feedback(state);
    assertEq(dk, 'ok', `delegation feedback (${dw})`);
    // An offer, until Bob consents from his own page.
    await waitFor(async () => (await text(state, 'delegation-offer')).includes(bob.address), { what: 'the page to show the offer' });
    assertEq((await api.query.stakeholderVoting.delegations(dave.address, 1)).isNone, true, 'no delegation before Bob accepts');
    await open(state, '#/citizen/1', 'Bob');
    await state.page.waitForSelector('[data-testid=delegation-offers]');
    assert((await text(state, 'delegation-offers')).includes(dave.address), "Bob sees Dave's offer");
    await state.page.click('[data-testid=accept-delegation]');
    const [ak, aw] = await feedback(state);
    assertEq(ak, 'ok', `acceptance feedback (${aw})`);
    assertEq((await api.query.stakeholderVoting.delegations(dave.address, 1)).unwrap().delegate.toString(), bob.address, 'on chain');
    await open(state, '#/citizen/1', 'Dave');
    await waitFor(async () => (await text(state, 'delegation-state')).includes(bob.address), { what: 'the page to show the delegation' });
    // The local scope votes by secret ballot from now on.
    await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.setPolicy(1, { secretBallot: 3, attestationRequired: false })), alice);
    const index = proposedIndex(api, (await sendAndWait(api, api.tx.stakeholderVoting.propose(1, 'Sealed vote', blake2AsHex('sealed'), null), alice)).events);
    await open(state, `#/proposal/${index}`, 'Charlie');
    await state.page.waitForSelector('[data-testid=tally-sealed]');
    assert(!(await state.page.$('[data-testid=tally-counts]')), 'no tally shown while sealed');
    // The page names both phases: sealing until the reveal block, then the reveal until the close.
    assert((await text(state, 'time-left')).startsWith('Sealing ends at block #'), `sealing phase named: ${await text(state, 'time-left')}`);
    await state.page.click('[data-testid=commit-Nay]');
    const [ck, cw] = await feedback(state);
    assertEq(ck, 'ok', `commit feedback (${cw})`);
    await waitFor(async () => (await text(state, 'sealed-state')).includes('Sealed: Nay'), { what: 'the sealed vote shown' });
    await waitFor(async () => (await text(state, 'tally-sealed')).includes('(1 sealed vote so far)'), { what: 'one sealed vote counted, in the singular' });
    assert((await api.query.stakeholderVoting.commitments(index, charlie.address)).isSome, 'a commitment on chain');
    assert((await api.query.stakeholderVoting.votes(index, charlie.address)).isNone, 'no readable vote');
    await shot(state, '12-secret-ballot-sealed');
    const revealFrom = (await api.query.stakeholderVoting.secretBallots(index)).unwrap().revealFrom.toNumber();
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= revealFrom, { ms: 150_000, what: 'the reveal phase' });
    await open(state, `#/proposal/${index}`, 'Charlie');
    await state.page.click('[data-testid=reveal]');
    const [rk, rw] = await feedback(state);
    assertEq(rk, 'ok', `reveal feedback (${rw})`);
    await waitFor(async () => (await text(state, 'sealed-state')).includes('Revealed and counted: Nay'), { what: 'the revealed vote shown' });
    assertEq((await api.query.stakeholderVoting.votes(index, charlie.address)).unwrap().choice.toString(), 'Nay', 'counted on chain');
    await waitFor(async () => (await text(state, 'tally-counts')).includes('Community 0/1/0'), { what: 'the tally to show the revealed nay' });
    await shot(state, '13-secret-ballot-revealed');
    await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.setPolicy(1, { secretBallot: null, attestationRequired: false })), alice);
  }, { timeoutMs: 300_000 });

  test('every read the portal makes is a runtime API call whose answer equals the node\'s RPC answer', async ({ api, node, alice, bob, charlie, dave, state }) => {
    // One query surface: the page asks the runtime (state_call, which a light client proves);
    // the node's RPC methods wrap the same runtime APIs. Accounts compare by public key (the
    // page shows the chain's own address format, the RPC the generic one).
    const { query } = await import('../../../portal/src/query.js');
    const norm = (v) => JSON.parse(JSON.stringify(v), (_, x) => {
      if (typeof x === 'string' && /^[1-9A-HJ-NP-Za-km-z]{46,50}$/.test(x)) {
        try { return decodeAddress(x).toString(); } catch { return x; }
      }
      return x;
    });
    const who = [alice, bob, charlie, dave].map((k) => k.address);
    const proposals = Number((await api.query.stakeholderVoting.proposalCount()).toString());
    const cases = [
      ['supervision_regulators', []], ['supervision_licensedNodes', []], ['supervision_validators', []],
      ['supervision_pauses', []], ['supervision_freezes', [null, 100]], ['supervision_actionLog', [null, 50]],
      ...[0, 1, 2].map((id) => ['stakeholderVoting_scope', [id]]),
      ...Array.from({ length: proposals }, (_, i) => ['stakeholderVoting_proposal', [i]]),
      ['stakeholderVoting_proposalsIn', [0, 'Any', null, 50]], ['stakeholderVoting_proposalsIn', [0, 'Passed', null, 50]],
      ...who.flatMap((a) => [
        ['stakeholderVoting_stakeholder', [a]], ['stakeholderVoting_ballot', [a, null, 50]], ['stakeholderVoting_votesOf', [a, null, 50]],
        ['dataOwnership_recordsOf', [a, null, 50]], ['supervision_auditTrail', [a, 100]], ['supervision_actionsConcerning', [a, null, 50]],
      ]),
    ];
    for (const a of who) {
      for (const h of await rpcCall(node, 'dataOwnership_recordsOf', [a, null, 50])) {
        cases.push(['dataOwnership_record', [h]], ['dataOwnership_grants', [h]], ['dataOwnership_activity', [h, 0, 50]], ['dataOwnership_versions', [h, 0]]);
      }
    }
    let compared = 0;
    for (const [method, params] of cases) {
      const viaRuntime = norm(await query(api, method, params));
      const viaRpc = norm(await rpcCall(node, method, params));
      assertEq(JSON.stringify(viaRuntime), JSON.stringify(viaRpc), `${method}(${JSON.stringify(params)})`);
      compared += 1;
    }
    assert(compared > 30, `compared ${compared} answers`);
    console.log(`       ${compared} answers compared: runtime API = RPC`);
  }, { timeoutMs: 180_000 });

  test('the Chinese locale and a phone width render', async ({ state }) => {
    await open(state, `#/proposal/${state.index}`, 'Bob');
    await state.page.click('[data-testid=lang]');
    await state.page.waitForSelector('text=公民');
    assert((await text(state, 'my-vote')) === '赞成', 'my vote in Chinese');
    await shot(state, '10-proposal-zh');
    await state.page.setViewportSize({ width: 390, height: 844 });
    const overflow = await state.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `no horizontal scrolling on a phone (${overflow} px)`);
    await shot(state, '11-proposal-phone-zh');
    await state.page.click('[data-testid=lang]');
    assertEq(state.errors, [], 'no uncaught errors in the page');
    await state.browser.close();
    state.server.kill();
    console.log(`       screenshots: ${shotsDir}`);
  });
}
