// Regulatory firewall on a `--dev` chain (Alice and Bob are regulators, threshold 2):
// two regulators freeze an account by motion; its transfer is rejected by the pool with the
// named reason while its votes still pass; a stakeholder vote overturns the freeze and the
// transfer goes through; the audit RPC returns the account's votes, records and freeze history.
// Then a pause: regulators pause a call by motion, it is filtered while governance calls pass,
// the supervision RPC lists it, and it ends by itself at its last block.

import { blake2AsHex } from '@polkadot/util-crypto';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { sameAccount as same, withDevNode } from '../lib/suite.mjs';

export const run = () => withDevNode('supervision', register);

function register() {
  test('the account has a history: a record and a vote', async ({ api, dave, state }) => {
    state.record = blake2AsHex(`dave-${Date.now()}`);
    await sendAndWait(api, api.tx.dataOwnership.register(state.record, { title: 'well log', mediaType: 'text/plain', uri: 'ipfs://x', schema: null }, null), dave);
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(1, 'Repair the pump', blake2AsHex('pump'), null), dave);
    state.localProposal = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data.index.toNumber();
  });

  test('two regulators freeze an account by motion', async ({ api, alice, bob, dave, state }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const action = { Freeze: { who: dave.address, until: now + 1000 } };
    const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose(action, null, 'suspected fraud'), alice);
    const motion = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data.motion.toNumber();
    assert(!(await api.query.regulatoryNodes.freezes(dave.address)).isSome, 'one approval is not enough');
    const approved = await sendAndWait(api, api.tx.regulatoryNodes.approve(motion), bob);
    const executed = approved.events.find(({ event }) => api.events.regulatoryNodes.ActionExecuted.is(event));
    assert(executed, 'ActionExecuted at the second approval');
    state.action = executed.event.data.action.toNumber();
    assert((await api.query.regulatoryNodes.freezes(dave.address)).isSome, 'Dave is frozen');
  });

  test('the frozen account\'s transfer is rejected by the pool; its vote is not', async ({ api, dave, alice, state }) => {
    let error;
    try {
      await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), dave);
    } catch (e) {
      error = e;
    }
    assert(error && /Invalid Transaction: Custom error: 1/.test(error.message), `rejected as AccountFrozen (custom 1), got ${error && error.message}`);
    // Governance stays open to the frozen: Dave votes on the local proposal.
    await sendAndWait(api, api.tx.stakeholderVoting.vote(state.localProposal, 'Aye'), dave);
  });

  test('a stakeholder vote overturns the freeze and the transfer goes through', async ({ api, alice, bob, charlie, dave, state }) => {
    const call = api.tx.regulatoryNodes.overturn(state.action);
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(0, 'Overturn the freeze of Dave', blake2AsHex('no evidence'), call), alice);
    const proposed = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data;
    const index = proposed.index.toNumber();
    for (const who of [alice, bob, charlie]) {
      await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), who);
    }
    const t0 = Date.now();
    await waitFor(async () => !(await api.query.regulatoryNodes.freezes(dave.address)).isSome,
      { ms: 120_000, what: 'the freeze to be overturned' });
    console.log(`       overturned ${Date.now() - t0} ms after the last vote (end #${proposed.end})`);
    const p = (await api.query.stakeholderVoting.proposals(index)).unwrap();
    assert(p.status.isApproved && p.status.asApproved.enactment.unwrap().isEnacted, `enacted: ${p.status.toString()}`);
    await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), dave);
  }, { timeoutMs: 200_000 });

  test('the audit RPC returns votes, records and the freeze history', async ({ api, alice, bob, dave, state }) => {
    const trail = (await api.rpc.supervision.auditTrail(dave.address, null)).toJSON();
    assert(same(trail.account, dave.address), 'the account');
    assertEq(trail.stakeholder.sector, 'Community', 'stakeholder status');
    assert(Object.values(trail.votes).some(([i]) => i === state.localProposal), `votes: ${JSON.stringify(trail.votes)}`);
    assert(Object.values(trail.proposals).includes(state.localProposal), 'proposals');
    assert(Object.values(trail.records).includes(state.record), 'records');
    assertEq(trail.freeze, null, 'no freeze in force');
    const actions = Object.values(trail.actions);
    assertEq(actions.length, 1, 'one firewall action');
    const [freeze] = actions;
    assertEq(freeze.reason, 'suspected fraud', 'with its reason');
    assert(same(freeze.proposer, alice.address), 'proposed by Alice');
    assert(Object.values(freeze.approvals).some((a) => same(a, bob.address)), 'approved by Bob');
    assert(freeze.overturnedAt !== null, 'marked overturned');
    const regulators = Object.values((await api.rpc.supervision.regulators()).toJSON());
    assertEq(regulators.length, 2, 'two regulators');
    const log = Object.values((await api.rpc.supervision.actionLog(null, null)).toJSON());
    assertEq(log[0].id, state.action, 'the action log');
  });

  test('regulators pause a call by motion; it is filtered until the pause expires, governance is not', async ({ api, alice, bob, dave, state }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const until = now + 6;
    const action = { Pause: { pallet: 'Balances', call: 'transfer_keep_alive', until } };
    const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose(action, null, 'halt transfers during review'), alice);
    const motion = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data.motion.toNumber();
    await sendAndWait(api, api.tx.regulatoryNodes.approve(motion), bob);
    const pauses = (await api.rpc.supervision.pauses()).toJSON();
    assertEq(Object.values(pauses.pauses)[0].call, 'transfer_keep_alive', 'the RPC lists the pause');
    let error;
    try {
      await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), dave);
    } catch (e) {
      error = e;
    }
    assert(error && /system\.CallFiltered/.test(error.message), `paused call filtered, got ${error && error.message}`);
    // Governance cannot be paused: a pause of the voting pallet is refused at the proposal.
    let refused;
    try {
      await sendAndWait(api, api.tx.regulatoryNodes.propose({ Pause: { pallet: 'StakeholderVoting', call: null, until } }, null, 'x'), alice);
    } catch (e) {
      refused = e;
    }
    assert(refused && /txPause\.Unpausable/.test(refused.message), `governance unpausable, got ${refused && refused.message}`);
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() > until,
      { ms: 90_000, what: `block ${until + 1}` });
    await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), dave);
    assertEq(Object.values((await api.rpc.supervision.pauses()).toJSON().pauses).length, 0, 'the pause expired by itself');
  }, { timeoutMs: 150_000 });
}
