// Data ownership on a `--dev` chain: register a file's hash, transfer it through offer/accept,
// grant and revoke access, fetch a receipt over RPC and verify it offline against the chain spec;
// each tampering fails with its named link. Commit–reveal: a copied reveal is refused and a
// front-running registration is undone. A dispute resolved by a chain-wide vote hands a record
// to its rightful owner, and the activity log shows every step.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { nodeBinary } from '../lib/node.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { sameAccount as same, withDevNode } from '../lib/suite.mjs';

const run$ = promisify(execFile);


/**
 * Runs `polity-node verify-receipt --chain CHAIN FILE`; resolves { ok, out, ms }. The built-in
 * `dev` and `local` chains have well-known GRANDPA keys: they are accepted only with
 * `--insecure-dev-keys`, which this adds for them (never for a spec file) unless `insecure` says.
 */
export async function verifyReceipt(receipt, chain = 'dev', { insecure = ['dev', 'local'].includes(chain) } = {}) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polity-receipt-')), 'receipt.json');
  fs.writeFileSync(file, JSON.stringify(receipt, null, 2));
  const t0 = Date.now();
  try {
    const { stdout } = await run$(nodeBinary(), ['verify-receipt', '--chain', chain, ...(insecure ? ['--insecure-dev-keys'] : []), file], { timeout: 60_000 });
    return { ok: true, out: stdout, ms: Date.now() - t0 };
  } catch (e) {
    return { ok: false, out: `${e.stdout || ''}${e.stderr || ''}`, code: e.code, ms: Date.now() - t0 };
  }
}

/** The commitment to `claims` ([hash, supersedes|null]) by `who` with `salt`. */
export function commitmentOf(api, who, salt, claims) {
  const encoded = api.createType('(AccountId32, [u8; 32], Vec<(H256, Option<H256>)>)', [who, salt, claims]).toU8a();
  return blake2AsHex(encoded, 256);
}

/** An activity-log entry's kind: unit variants are strings, the others one-key objects. */
export const step = (entry) => (typeof entry.activity === 'string' ? entry.activity : Object.keys(entry.activity)[0]);

/** The module error of a failed transaction, as `section.Name`. */
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e.message;
  }
  return 'no error';
}

/** Flips one hex digit at `offset` (from the end when negative) of a 0x-string. */
export function flip(hex, offset) {
  const at = offset < 0 ? hex.length + offset : offset;
  return hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
}

export const run = () => withDevNode('data', register);

function register() {
  test('register a file\'s hash', async ({ api, alice, state }) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polity-data-')), 'census.csv');
    fs.writeFileSync(file, `district,households\n7,${Date.now()}\n`);
    state.hash = blake2AsHex(fs.readFileSync(file), 256);
    const metadata = { title: 'District 7 census', mediaType: 'text/csv', uri: 'ipfs://bafy-census', schema: null };
    const { events } = await sendAndWait(api, api.tx.dataOwnership.register(state.hash, metadata, null), alice);
    const registered = events.find(({ event }) => api.events.dataOwnership.Registered.is(event));
    assert(registered, 'Registered event');
    state.timestamp = registered.event.data.timestamp.toNumber();
    const record = (await api.rpc.dataOwnership.record(state.hash)).toJSON();
    assert(same(record.owner, alice.address), 'owner is Alice');
    assertEq(record.title, 'District 7 census', 'title over RPC');
    assertEq(record.timestamp, state.timestamp, 'timestamp');
    // The same hash cannot be registered again.
    let again;
    try { await sendAndWait(api, api.tx.dataOwnership.register(state.hash, metadata, null), alice); } catch (e) { again = e; }
    assert(again && /dataOwnership\.AlreadyRegistered/.test(again.message), `re-registration refused, got ${again && again.message}`);
  });

  test('transfer through offer and accept', async ({ api, alice, bob, state }) => {
    // A fresh record is provisional for the reveal window (an earlier commitment may still
    // claim it): nothing is offered or licensed on it until then.
    const window = api.consts.dataOwnership.revealWindow.toNumber();
    const registeredAt = (await api.rpc.dataOwnership.record(state.hash)).toJSON().registeredAt;
    const early = await failure(sendAndWait(api, api.tx.dataOwnership.offerTransfer(state.hash, bob.address, registeredAt + 1_000), alice));
    assert(/dataOwnership\.Provisional/.test(early), `an offer on a provisional record is refused: ${early}`);
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= registeredAt + window,
      { ms: (window + 10) * 7_000, what: 'the record to stop being provisional' });
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await sendAndWait(api, api.tx.dataOwnership.offerTransfer(state.hash, bob.address, now + 100), alice);
    assert(same((await api.rpc.dataOwnership.record(state.hash)).toJSON().owner, alice.address), 'still Alice\'s until accepted');
    await sendAndWait(api, api.tx.dataOwnership.acceptTransfer(state.hash), bob);
    const record = (await api.rpc.dataOwnership.record(state.hash)).toJSON();
    assert(same(record.owner, bob.address), 'Bob owns it');
    assert(same(record.registrant, alice.address), 'Alice registered it');
    const bobs = Object.values((await api.rpc.dataOwnership.recordsOf(bob.address, null, 10)).toJSON());
    assert(bobs.includes(state.hash), 'listed among Bob\'s records');
  }, { timeoutMs: 300_000 });

  test('grant and revoke access', async ({ api, bob, charlie, state }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await sendAndWait(api, api.tx.dataOwnership.grantAccess(state.hash, charlie.address, 'audit', now + 100), bob);
    assert((await api.rpc.dataOwnership.hasAccess(state.hash, charlie.address)).isTrue, 'Charlie has access');
    assert((await api.call.dataOwnershipApi.hasAccess(state.hash, charlie.address)).isTrue, 'runtime API agrees');
    const grants = Object.values((await api.rpc.dataOwnership.grants(state.hash)).toJSON());
    assertEq(grants[0].purpose, 'audit', 'licence purpose');
    await sendAndWait(api, api.tx.dataOwnership.revokeAccess(state.hash, charlie.address), bob);
    assert((await api.rpc.dataOwnership.hasAccess(state.hash, charlie.address)).isFalse, 'access revoked');
  });

  test('a receipt verifies offline, a tampered one does not', async ({ api, bob, state }) => {
    // Wait until the transfer is finalized so the receipt shows the current owner.
    const receipt = await waitFor(async () => {
      const r = await api._rpcCore.provider.send('dataOwnership_receipt', [state.hash, null]);
      const record = await api.rpc.dataOwnership.record(state.hash, r.blockHash);
      return same(record.toJSON().owner, bob.address) ? r : null;
    }, { ms: 60_000, what: 'a finalized receipt showing Bob as owner' });
    const proofBytes = receipt.proof.reduce((n, node) => n + (node.length - 2) / 2, 0);
    const binaryBytes = (receipt.header.length + receipt.record.length + receipt.storageKey.length - 6) / 2 + proofBytes + 32 * 2 + 4;
    console.log(`       receipt: ${JSON.stringify(receipt).length} bytes as JSON; ${binaryBytes} bytes of data (proof ${receipt.proof.length} nodes, ${proofBytes} bytes)`);
    const good = await verifyReceipt(receipt);
    assert(good.ok, `receipt verifies: ${good.out}`);
    const bobSs58 = encodeAddress(bob.publicKey, 7013);
    assert(good.out.includes(`owner:         ${bobSs58}`), `prints the owner:\n${good.out}`);
    assert(good.out.includes(`(${state.timestamp} ms)`), `prints the timestamp:\n${good.out}`);
    console.log(good.out.trim().split('\n').map((l) => `       ${l}`).join('\n'));

    // Each tampering fails, exits non-zero and names the broken link.
    const tampered = {
      RecordMismatch: { ...receipt, record: flip(receipt.record, 4) },
      ForgedHeader: { ...receipt, header: flip(receipt.header, 70) },
      ProofTampered: { ...receipt, proof: receipt.proof.map((n) => flip(n, -2)) },
      ProofForAnotherKey: { ...receipt, contentHash: flip(receipt.contentHash, -1) },
    };
    for (const [link, bad] of Object.entries(tampered)) {
      const r = await verifyReceipt(bad);
      assert(!r.ok && r.code !== 0, `a receipt with a broken ${link} fails with a non-zero exit`);
      assert(r.out.includes(`INVALID receipt: ${link}`), `named ${link}: ${r.out}`);
    }
    // A receipt of this dev chain is not one of the local testnet.
    const other = await verifyReceipt(receipt, 'local');
    assert(!other.ok && other.out.includes('INVALID receipt: WrongChain'), `another chain's spec: ${other.out}`);
  }, { timeoutMs: 120_000 });

  test('commit–reveal: a copied reveal is refused and a front-running registration is undone', async ({ api, charlie, dave }) => {
    const hash = blake2AsHex(`sealed tender ${Date.now()}`);
    const salt = blake2AsHex(`salt ${Math.random()}`);
    const meta = { title: 'sealed tender', mediaType: 'application/pdf', uri: '', schema: null };
    const commitment = commitmentOf(api, charlie.address, salt, [[hash, null]]);
    const { blockHash } = await sendAndWait(api, api.tx.dataOwnership.commit(commitment), charlie);
    const committedAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    // Dave watched the pool and registered the hash in one step before Charlie's reveal landed.
    await sendAndWait(api, api.tx.dataOwnership.register(hash, meta, null), dave);
    assert(same((await api.rpc.dataOwnership.record(hash)).toJSON().owner, dave.address), 'Dave holds it for now');
    // Dave copies Charlie's reveal: it matches no commitment of his.
    const copied = await failure(sendAndWait(api, api.tx.dataOwnership.reveal([{ hash, metadata: meta, supersedes: null }], salt), dave));
    assert(/dataOwnership\.CommitmentNotFound/.test(copied), `copied reveal refused: ${copied}`);
    const { events } = await sendAndWait(api, api.tx.dataOwnership.reveal([{ hash, metadata: meta, supersedes: null }], salt), charlie);
    const preempted = events.find(({ event }) => api.events.dataOwnership.Preempted.is(event));
    assert(preempted && same(preempted.event.data.previousOwner.toString(), dave.address), 'Dave\'s registration undone');
    const record = (await api.rpc.dataOwnership.record(hash)).toJSON();
    assert(same(record.owner, charlie.address), 'Charlie owns it');
    assertEq(record.registeredAt, committedAt, 'dated from the commitment\'s block');
    const log = Object.values((await api.rpc.dataOwnership.activity(hash, null, null)).toJSON());
    assertEq(JSON.stringify(log.map(step)), JSON.stringify(['Registered', 'Preempted', 'Registered']), 'the log keeps Dave\'s attempt');
  }, { timeoutMs: 120_000 });

  test('a dispute resolved by a chain-wide vote hands the record to its rightful owner; the log shows every step', async ({ api, alice, bob, charlie, dave, eve, state }) => {
    // Dave registered Eve's report as his own; regulators Alice and Bob flag it as disputed.
    const hash = blake2AsHex(`eve's field report ${Date.now()}`);
    await sendAndWait(api, api.tx.dataOwnership.register(hash, { title: 'field report', mediaType: 'text/plain', uri: '', schema: null }, null), dave);
    const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose({ Dispute: { record: hash } }, null, 'Eve claims authorship'), alice);
    const motion = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data.motion;
    await sendAndWait(api, api.tx.regulatoryNodes.approve(motion), bob);
    assert((await api.rpc.dataOwnership.record(hash)).toJSON().disputedSince !== null, 'disputed');
    const blocked = await failure(sendAndWait(api, api.tx.dataOwnership.offerTransfer(hash, charlie.address, 1_000_000), dave));
    assert(/dataOwnership\.Disputed/.test(blocked), `Dave cannot move it away: ${blocked}`);
    // The stakeholders decide: the record goes to Eve.
    const call = api.tx.dataOwnership.resolveDispute(hash, eve.address);
    const proposed = await sendAndWait(api, api.tx.stakeholderVoting.propose(0, 'Return the field report to Eve', blake2AsHex('authorship'), call), alice);
    const index = proposed.events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data.index.toNumber();
    for (const who of [alice, bob, charlie]) await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), who);
    const record = await waitFor(async () => {
      const r = (await api.rpc.dataOwnership.record(hash)).toJSON();
      return same(r.owner, eve.address) ? r : null;
    }, { ms: 150_000, what: 'the vote to hand the record to Eve' });
    assertEq(record.disputedSince, null, 'the dispute is over');
    assert(same(record.registrant, dave.address), 'who registered it stays on record');
    const log = Object.values((await api.rpc.dataOwnership.activity(hash, null, null)).toJSON());
    assertEq(JSON.stringify(log.map(step)), JSON.stringify(['Registered', 'Disputed', 'Resolved']), 'every step in the log');
    assert(same(log[2].activity.Resolved.from, dave.address) && same(log[2].activity.Resolved.to, eve.address), 'resolved from Dave to Eve');
    state.resolvedHash = hash;
  }, { timeoutMs: 240_000 });

  test('receipts of the registration and of the latest finalized block both verify', async ({ api, eve, state }) => {
    const latest = await waitFor(async () => {
      try {
        const r = await api._rpcCore.provider.send('dataOwnership_receipt', [state.resolvedHash, null]);
        const owner = (await api.rpc.dataOwnership.record(state.resolvedHash, r.blockHash)).toJSON().owner;
        return same(owner, eve.address) ? r : null;
      } catch { return null; }
    }, { ms: 60_000, what: 'a finalized receipt with Eve as owner' });
    const registration = await api._rpcCore.provider.send('dataOwnership_registrationReceipt', [state.resolvedHash]);
    assert(registration.blockNumber < latest.blockNumber, 'the registration receipt is older');
    for (const [what, receipt, owner] of [['registration', registration, 'Dave'], ['latest', latest, 'Eve']]) {
      const r = await verifyReceipt(receipt);
      assert(r.ok, `the ${what} receipt verifies: ${r.out}`);
      console.log(`       ${what} receipt (owner ${owner}): ${JSON.stringify(receipt).length} bytes of JSON, ${receipt.finality.headers.length} linking header(s), verified in ${r.ms} ms`);
    }
  }, { timeoutMs: 120_000 });
}
