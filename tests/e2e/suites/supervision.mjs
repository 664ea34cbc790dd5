// Regulatory firewall on a `--dev` chain (Alice and Bob are regulators, threshold 2):
// two regulators freeze Charlie by motion; his transfer is rejected by the pool with the named
// reason while his votes still pass; frozen, he proposes the overturn of his own freeze, the
// stakeholders pass it and his transfer goes through; the audit RPC returns his votes, records
// and freeze history. A scope's regulator cannot pause a pallet, enter safe mode or freeze an
// outsider. A held proposal survives a full close queue at its hold's end. Then a pause:
// regulators pause a call by motion, it is filtered while governance calls pass, the
// supervision RPC lists it, and it ends by itself at its last block.

import { blake2AsHex } from '@polkadot/util-crypto';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { sameAccount as same, withDevNode } from '../lib/suite.mjs';

export const run = () => withDevNode('supervision', register);

function register() {
  test('the account has a history: a record and a vote', async ({ api, charlie, state }) => {
    state.record = blake2AsHex(`charlie-${Date.now()}`);
    await sendAndWait(api, api.tx.dataOwnership.register(state.record, { title: 'well log', mediaType: 'text/plain', uri: 'ipfs://x', schema: null }, null), charlie);
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(1, 'Repair the pump', blake2AsHex('pump'), null), charlie);
    state.localProposal = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data.index.toNumber();
  });

  test('two regulators freeze an account by motion', async ({ api, alice, bob, charlie, state }) => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const action = { Freeze: { who: charlie.address, until: now + 1000 } };
    const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose(action, null, 'suspected fraud'), alice);
    const motion = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data.motion.toNumber();
    assert(!(await api.query.regulatoryNodes.freezes(charlie.address)).isSome, 'one approval is not enough');
    const approved = await sendAndWait(api, api.tx.regulatoryNodes.approve(motion), bob);
    const executed = approved.events.find(({ event }) => api.events.regulatoryNodes.ActionExecuted.is(event));
    assert(executed, 'ActionExecuted at the second approval');
    state.action = executed.event.data.action.toNumber();
    assert((await api.query.regulatoryNodes.freezes(charlie.address)).isSome, 'Charlie is frozen');
  });

  test('the frozen account\'s transfer is rejected by the pool; its vote is not', async ({ api, charlie, alice, state }) => {
    let error;
    try {
      await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), charlie);
    } catch (e) {
      error = e;
    }
    assert(error && /Invalid Transaction: Custom error: 1/.test(error.message), `rejected as AccountFrozen (custom 1), got ${error && error.message}`);
    // Governance stays open to the frozen: Charlie votes on the local proposal.
    await sendAndWait(api, api.tx.stakeholderVoting.vote(state.localProposal, 'Aye'), charlie);
  });

  test('frozen, Charlie proposes the overturn of his own freeze; the vote passes and his transfer goes through', async ({ api, alice, bob, charlie, state }) => {
    const call = api.tx.regulatoryNodes.overturn(state.action);
    // Anything else he proposes is still refused at the pool.
    let refused;
    try {
      await sendAndWait(api, api.tx.stakeholderVoting.propose(0, 'Something else', blake2AsHex('x'), api.tx.system.remark('x')), charlie);
    } catch (e) {
      refused = e;
    }
    assert(refused && /Custom error: 1/.test(refused.message), `other proposals refused (AccountFrozen), got ${refused && refused.message}`);
    assert((await api.query.regulatoryNodes.freezes(charlie.address)).isSome, 'still frozen when proposing');
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(0, 'Overturn the freeze of Charlie', blake2AsHex('no evidence'), call), charlie);
    const proposed = events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data;
    const index = proposed.index.toNumber();
    for (const who of [alice, bob, charlie]) {
      await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), who);
    }
    const t0 = Date.now();
    await waitFor(async () => !(await api.query.regulatoryNodes.freezes(charlie.address)).isSome,
      { ms: 120_000, what: 'the freeze to be overturned' });
    console.log(`       overturned ${Date.now() - t0} ms after the last vote (end #${proposed.end})`);
    const p = (await api.query.stakeholderVoting.proposals(index)).unwrap();
    assert(p.status.isApproved && p.status.asApproved.enactment.unwrap().isEnacted, `enacted: ${p.status.toString()}`);
    await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), charlie);
  }, { timeoutMs: 200_000 });

  test('the audit RPC returns votes, records and the freeze history', async ({ api, alice, bob, charlie, state }) => {
    const trail = (await api.rpc.supervision.auditTrail(charlie.address, null)).toJSON();
    assert(same(trail.account, charlie.address), 'the account');
    assertEq(trail.stakeholder.sector, 'Community', 'stakeholder status');
    assert(Object.values(trail.votes).some(([i]) => i === state.localProposal), `votes: ${JSON.stringify(trail.votes)}`);
    assert(Object.values(trail.proposals).includes(state.localProposal), 'proposals');
    assert(Object.values(trail.records).includes(state.record), 'records');
    assertEq(trail.freeze, null, 'no freeze in force');
    const actions = Object.values(trail.actions);
    assertEq(actions.length, 1, 'one firewall action');
    assertEq(Object.values((await api.rpc.supervision.freezes(null, null)).toJSON()).length, 0, 'no freeze in force is listed');
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

  test('a scope\'s regulator cannot pause a pallet, enter safe mode or freeze an outsider', async ({ api, alice, dave, eve }) => {
    // Dave regulates scope 1 (district-7-water) only.
    const appoint = api.tx.regulatoryNodes.appoint(dave.address, { Scopes: [1] }, []);
    const { events } = await sendAndWait(api, api.tx.sudo.sudo(appoint), alice);
    const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event)).event.data[0];
    assert(sudid.isOk, `appointed: ${sudid.toString()}`);
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    for (const [action, what] of [
      [{ Pause: { pallet: 'Balances', call: null, until: now + 10 } }, 'pause Balances'],
      ['EnterSafeMode', 'enter safe mode'],
      [{ Freeze: { who: eve.address, until: now + 10 } }, 'freeze Eve, who is no member of scope 1'],
    ]) {
      let error;
      try {
        await sendAndWait(api, api.tx.regulatoryNodes.propose(action, 1, 'overreach'), dave);
      } catch (e) {
        error = e;
      }
      assert(error && /regulatoryNodes\.TargetOutsideJurisdiction/.test(error.message), `${what}: refused, got ${error && error.message}`);
    }
    assertEq((await api.query.regulatoryNodes.openMotions(dave.address)).toNumber(), 0, 'no motion was opened');
  });

  test('a held proposal survives a full close queue at the end of its hold', async ({ api, alice, bob, charlie, dave, eve }) => {
    const sudo = async (call) => {
      const { events } = await sendAndWait(api, api.tx.sudo.sudo(call), alice);
      const r = events.find(({ event }) => api.events.sudo.Sudid.is(event)).event.data[0];
      assert(r.isOk, `sudo: ${r.toString()}`);
      return events;
    };
    await sudo(api.tx.stakeholderVoting.admit(eve.address, 'Market', 0, 10));
    const proposedIn = (events) => events.filter(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).map(({ event }) => event.data);
    // The proposal to hold: it passes.
    const call = api.tx.system.remark('held for review');
    const [p] = proposedIn((await sendAndWait(api, api.tx.stakeholderVoting.propose(0, 'Held', blake2AsHex('held'), call), alice)).events);
    const index = p.index.toNumber();
    // An attacker fills one block's close queue (16) with real proposals of four stakeholders,
    // all in one extrinsic so that they end in the same block.
    const fillers = [];
    for (const [who, scope] of [[bob, 0], [charlie, 0], [dave, 1], [eve, 0]]) {
      for (let i = 0; i < 4; i++) {
        fillers.push(api.tx.utility.dispatchAs({ system: { Signed: who.address } },
          api.tx.stakeholderVoting.propose(scope, `filler ${i}`, blake2AsHex(`f${i}`), null)));
      }
    }
    const filled = proposedIn(await sudo(api.tx.utility.batchAll(fillers)));
    assertEq(filled.length, 16, 'sixteen fillers');
    const end = filled[0].end.toNumber();
    assert(filled.every((f) => f.end.toNumber() === end), 'all end in one block');
    assertEq((await api.query.stakeholderVoting.proposalsEndingAt(end)).length, 16, `block ${end}'s queue is full`);
    // The regulators hold the proposal's enactment until exactly that block.
    const hold = { HoldEnactment: { proposal: index, until: end } };
    const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose(hold, null, 'review'), alice);
    const m = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data.motion.toNumber();
    await sendAndWait(api, api.tx.regulatoryNodes.approve(m), bob);
    await Promise.all([alice, bob, charlie].map((who) => sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), who)));
    const held = await waitFor(async () => {
      const status = (await api.query.stakeholderVoting.proposals(index)).unwrap().status;
      return status.isHeld ? status.asHeld : null;
    }, { ms: 120_000, what: `proposal ${index} to pass and be held` });
    const until = held.until.toNumber();
    assert(until > end, `moved past the full block ${end} to #${until}, not enacted early`);
    console.log(`       held until #${end}; its queue full, enactment moved to #${until}`);
    const enacted = await waitFor(async () => {
      const status = (await api.query.stakeholderVoting.proposals(index)).unwrap().status;
      return status.isApproved ? status.asApproved : null;
    }, { ms: 120_000, what: `proposal ${index} to be enacted` });
    assert(enacted.enactment.unwrap().isEnacted, `enacted: ${enacted.toString()}`);
    const enactedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    assert(enactedAt >= until, `enacted at #${enactedAt}, not before #${until}`);
  }, { timeoutMs: 300_000 });

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
