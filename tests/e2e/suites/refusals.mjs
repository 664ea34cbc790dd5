// Why-refused, before signing (`WhyRefusedApi`): for each rule that refuses a transaction —
// a frozen account, a paused call, no membership, a deposit the account cannot
// hold, a vote after its period, a fee it cannot pay — the runtime's answer before signing names
// exactly what the chain then answers when the transaction is sent, and asking uses nothing
// (no nonce, no fee, no state).

import { blake2AsHex } from '@polkadot/util-crypto';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { withDevNode } from '../lib/suite.mjs';

export const run = () => withDevNode('refusals', register);

/** The runtime's answer for `tx` from `who`, as `Pallet.Error` or `Error`; null if none. */
async function asked(api, who, tx) {
  const answer = await api.call.whyRefusedApi.whyRefused(who.address, tx.method);
  if (answer.isNone) return null;
  const { pallet, error } = answer.unwrap();
  return pallet.isSome ? `${pallet.unwrap()}.${error}` : error.toString();
}

/** What the chain answers when `tx` is sent by `who`, named the same way; null if it passes. */
async function sent(api, who, tx) {
  try {
    await sendAndWait(api, tx, who);
    return null;
  } catch (e) {
    const m = e.message;
    if (/Custom error: 1\b/.test(m)) return 'RegulatoryNodes.AccountFrozen';
    if (/Inability to pay some fees/.test(m)) return 'Payment';
    const dispatched = m.match(/^dispatch failed: (\w)(\w*)\.(\w+)$/);
    if (dispatched) return `${dispatched[1].toUpperCase()}${dispatched[2]}.${dispatched[3]}`;
    const token = m.match(/^dispatch failed: \{"token":"(\w+)"\}$/);
    if (token) return token[1];
    return m;
  }
}

/** Asks, checks that asking used nothing, sends, and checks both name `expected`. */
async function sameAnswer(api, who, tx, expected) {
  const nonce = (await api.rpc.system.accountNextIndex(who.address)).toNumber();
  const free = (await api.query.system.account(who.address)).data.free.toBigInt();
  const before = await asked(api, who, tx);
  assertEq((await api.rpc.system.accountNextIndex(who.address)).toNumber(), nonce, 'asking uses no nonce');
  assertEq((await api.query.system.account(who.address)).data.free.toBigInt(), free, 'asking costs nothing');
  const after = await sent(api, who, tx);
  assertEq(before, expected, 'asked before signing');
  assertEq(after, expected, 'what the chain then did');
}

/** Takes a firewall action by a chain-wide vote (sudo stands in for it on `--dev`). */
async function act(api, alice, action) {
  await sendAndWait(api, api.tx.sudo.sudo(api.tx.regulatoryNodes.act(action, 'why-refused test')), alice);
}

function register() {
  test('the runtime exposes WhyRefusedApi in its metadata, and a transaction that would pass is not refused', async ({ api, alice, bob }) => {
    assert(api.call.whyRefusedApi?.whyRefused, 'api.call.whyRefusedApi.whyRefused decorated from metadata');
    assertEq(await asked(api, alice, api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n)), null, 'no refusal');
  });

  test('a frozen account: named AccountFrozen before signing, refused by the pool as such', async ({ api, alice, eve }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await act(api, alice, { Freeze: { who: eve.address, until: now + 1000 } });
    await sameAnswer(api, eve, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), 'RegulatoryNodes.AccountFrozen');
    await act(api, alice, { Unfreeze: { who: eve.address } });
  });

  // (Safe mode is named the same, `System.CallFiltered`; the runtime tests cover it, since on
  // `--dev` leaving it takes a chain-wide vote: sudo itself is filtered in safe mode.)
  test('a paused call: named CallFiltered before signing and after', async ({ api, alice, bob }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await act(api, alice, { Pause: { pallet: 'Balances', call: 'transfer_allow_death', until: now + 1000 } });
    await sameAnswer(api, bob, api.tx.balances.transferAllowDeath(alice.address, 10n ** 12n), 'System.CallFiltered');
    await act(api, alice, { Unpause: { pallet: 'Balances', call: 'transfer_allow_death' } });
    assertEq(await asked(api, bob, api.tx.balances.transferAllowDeath(alice.address, 10n ** 12n)), null, 'free again');
  });

  test('no membership, a deposit it cannot hold, a fee it cannot pay', async ({ api, alice, ferdie, keyring }) => {
    // Ferdie is no stakeholder of the chain-wide scope.
    await sameAnswer(api, ferdie, api.tx.stakeholderVoting.propose(0, 'Not mine to propose', blake2AsHex('n'), null), 'StakeholderVoting.StakeholderNotFound');
    // An account with enough for the fee but not for a record's deposit.
    const poor = keyring.addFromUri('//WhyRefusedPoor');
    const register = api.tx.dataOwnership.register(blake2AsHex('poor record'), { title: 'x', mediaType: 'text/plain', uri: '', schema: null }, null);
    const fee = (await register.paymentInfo(alice)).partialFee.toBigInt();
    const ed = api.consts.balances.existentialDeposit.toBigInt();
    await sendAndWait(api, api.tx.balances.transferKeepAlive(poor.address, ed + 3n * fee), alice);
    await sameAnswer(api, poor, register, 'FundsUnavailable');
    // An account with nothing at all.
    const empty = keyring.addFromUri('//WhyRefusedEmpty');
    await sameAnswer(api, empty, api.tx.system.remark('hello'), 'Payment');
  });

  test('a vote after its voting period: named as the chain names it', async ({ api, alice, bob }) => {
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(1, 'Short vote', blake2AsHex('short'), null), alice);
    const index = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data.index.toNumber();
    const end = (await api.query.stakeholderVoting.proposals(index)).unwrap().end.toNumber();
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() > end + 1, { ms: 90_000, what: `block ${end + 2}` });
    const named = await asked(api, bob, api.tx.stakeholderVoting.vote(index, 'Aye'));
    assert(['StakeholderVoting.VotingEnded', 'StakeholderVoting.NotOngoing'].includes(named), `a refusal of the period: ${named}`);
    await sameAnswer(api, bob, api.tx.stakeholderVoting.vote(index, 'Aye'), named);
  }, { timeoutMs: 180_000 });
}
