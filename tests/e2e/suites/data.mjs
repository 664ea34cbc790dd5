// Data ownership on a `--dev` chain: register a file's hash, transfer it through offer/accept,
// grant and revoke access, fetch a receipt over RPC and verify it offline; a tampered receipt
// fails verification.

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


/** Runs `polity-node verify-receipt FILE`; resolves { ok, out }. */
async function verifyReceipt(receipt) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polity-receipt-')), 'receipt.json');
  fs.writeFileSync(file, JSON.stringify(receipt, null, 2));
  try {
    const { stdout } = await run$(nodeBinary(), ['verify-receipt', file], { timeout: 30_000 });
    return { ok: true, out: stdout };
  } catch (e) {
    return { ok: false, out: `${e.stdout || ''}${e.stderr || ''}` };
  }
}

/** Flips one hex digit at `offset` (from the end when negative) of a 0x-string. */
function flip(hex, offset) {
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
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await sendAndWait(api, api.tx.dataOwnership.offerTransfer(state.hash, bob.address, now + 100), alice);
    assert(same((await api.rpc.dataOwnership.record(state.hash)).toJSON().owner, alice.address), 'still Alice\'s until accepted');
    await sendAndWait(api, api.tx.dataOwnership.acceptTransfer(state.hash), bob);
    const record = (await api.rpc.dataOwnership.record(state.hash)).toJSON();
    assert(same(record.owner, bob.address), 'Bob owns it');
    assert(same(record.registrant, alice.address), 'Alice registered it');
    const bobs = Object.values((await api.rpc.dataOwnership.recordsOf(bob.address, null, 10)).toJSON());
    assert(bobs.includes(state.hash), 'listed among Bob\'s records');
  });

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
      const r = await api._rpcCore.provider.send('dataOwnership_receipt', [state.hash]);
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

    const tampered = {
      record: { ...receipt, record: flip(receipt.record, 4) },
      header: { ...receipt, header: flip(receipt.header, 70) },
      proof: { ...receipt, proof: receipt.proof.map((n, i) => (i === 0 ? flip(n, -2) : n)) },
      contentHash: { ...receipt, contentHash: flip(receipt.contentHash, -1) },
    };
    for (const [what, bad] of Object.entries(tampered)) {
      const r = await verifyReceipt(bad);
      assert(!r.ok, `a receipt with a changed ${what} fails`);
      assert(/INVALID/.test(r.out), `with a clear message for ${what}: ${r.out}`);
    }
  }, { timeoutMs: 120_000 });
}
