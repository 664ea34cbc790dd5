// A `--dev` chain: block production and finality, transfers, rejected extrinsics, metadata and
// chain properties.

import { mnemonicGenerate } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { withDevNode } from '../lib/suite.mjs';
import { sendAndWait } from '../lib/tx.mjs';

export const run = () => withDevNode('dev', registerFoundation);

export function registerFoundation() {
  test('blocks are produced and finalized', async ({ api }) => {
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    const startFinal = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    const t0 = Date.now();
    const finalized = await waitFor(async () => {
      const head = await api.rpc.chain.getFinalizedHead();
      const n = (await api.rpc.chain.getHeader(head)).number.toNumber();
      return n >= startFinal + 2 ? n : 0;
    }, { ms: 60_000, what: 'the finalized head to advance by 2' });
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    console.log(`       best #${best} (from #${start}), finalized #${finalized} (from #${startFinal}) in ${Date.now() - t0} ms`);
    assert(best > start, 'best block advanced');
  });

  test('chain properties show the POL token', async ({ api }) => {
    assertEq(api.registry.chainTokens, ['POL'], 'token symbol');
    assertEq(api.registry.chainDecimals, [12], 'token decimals');
    assertEq(api.registry.chainSS58, 7013, 'SS58 prefix');
    const version = api.runtimeVersion;
    assertEq(version.specName.toString(), 'polity', 'spec name');
    assertEq((await api.rpc.system.chain()).toString(), 'Polity Development', 'chain name');
  });

  test('metadata exposes every pallet with its docs', async ({ api }) => {
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const expected of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Utility', 'Sudo', 'StakeholderVoting', 'DataOwnership', 'RegulatoryNodes', 'Preimage', 'SkipFeelessPayment']) {
      assert(pallets.includes(expected), `pallet ${expected} in metadata (have ${pallets.join(', ')})`);
    }
    // Every call of every pallet carries documentation for Polkadot.js to show.
    for (const [section, calls] of Object.entries(api.tx)) {
      for (const [method, call] of Object.entries(calls)) {
        assert(call.meta.docs.length > 0, `docs of ${section}.${method}`);
      }
    }
    const extensions = api.registry.signedExtensions;
    assert(extensions.includes('CheckMetadataHash'), `CheckMetadataHash among ${extensions.join(', ')}`);
  });

  test('a signed transferKeepAlive is included and its events are seen', async ({ api, alice, keyring }) => {
    const dest = keyring.addFromUri(mnemonicGenerate());
    const amount = 10n ** 12n * 5n; // 5 POL
    const before = (await api.query.system.account(dest.address)).data.free.toBigInt();
    const { events, blockHash } = await sendAndWait(api, api.tx.balances.transferKeepAlive(dest.address, amount), alice);
    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert(transfer, 'Balances.Transfer event');
    assertEq(transfer.event.data.to.toString(), dest.address, 'transfer recipient');
    assertEq(transfer.event.data.amount.toBigInt(), amount, 'transfer amount');
    assert(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)), 'ExtrinsicSuccess event');
    const after = (await api.query.system.account.at(blockHash, dest.address)).data.free.toBigInt();
    assertEq(after - before, amount, 'recipient balance grew by the amount');
  });

  test('a transfer from an account that cannot pay fees is rejected and changes nothing', async ({ api, keyring, bob }) => {
    const pauper = keyring.addFromUri(mnemonicGenerate());
    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    let error;
    try {
      await sendAndWait(api, api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n), pauper);
    } catch (e) {
      error = e;
    }
    assert(error, 'submission failed');
    assert(/Inability to pay some fees/.test(error.message), `clear error, got: ${error.message}`);
    const account = await api.query.system.account(pauper.address);
    assertEq(account.nonce.toNumber(), 0, 'sender nonce unchanged');
    assertEq((await api.query.system.account(bob.address)).data.free.toBigInt(), bobBefore, 'recipient unchanged');
  });

  test('an extrinsic with a bad signature is rejected and changes nothing', async ({ api, alice, bob }) => {
    const aliceBefore = await api.query.system.account(alice.address);
    const tx = await api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n).signAsync(alice);
    const bytes = tx.toU8a();
    const hex = u8aToHex(bytes);
    // Flip one byte inside the 64-byte sr25519 signature (after length, version, address, type).
    const sigHex = tx.signature.toHex().slice(2);
    const at = hex.indexOf(sigHex);
    assert(at > 0, 'signature found in the encoding');
    const flipAt = at + 10;
    const flipped = hex.slice(0, flipAt) + (hex[flipAt] === '0' ? '1' : '0') + hex.slice(flipAt + 1);
    let error;
    try {
      await api.rpc.author.submitExtrinsic(flipped);
    } catch (e) {
      error = e;
    }
    assert(error, 'submission failed');
    assert(/bad signature/i.test(error.message), `clear error, got: ${error.message}`);
    const aliceAfter = await api.query.system.account(alice.address);
    assertEq(aliceAfter.nonce.toNumber(), aliceBefore.nonce.toNumber(), 'sender nonce unchanged');
  });
}
