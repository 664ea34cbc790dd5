// Governance for real decisions on a `--dev` chain, with @polkadot/api: liquid delegation with a
// per-proposal override, a secret ballot that commits, reveals and tallies, admission by a
// registrar's attestation, and a runtime upgrade authorized by a chain-wide vote, delayed,
// applied and live — the chain goes on producing and finalizing blocks on the new version with
// its state intact.

import fs from 'node:fs';
import path from 'node:path';
import { blake2AsHex, blake2AsU8a, xxhashAsHex } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { withDevNode } from '../lib/suite.mjs';
import { metric } from '../lib/node.mjs';

export const run = () => withDevNode('decisions', register, { prometheus: true });

const LOCAL = 1;
// Long enough for a test's transactions to fit in the voting period (6 s blocks).
const PERIOD = 12;

/** The compressed wasm of the runtime with the next spec_version (scripts/build-next-runtime.sh). */
function nextRuntimePath() {
  if (process.env.POLITY_NEXT_RUNTIME) return process.env.POLITY_NEXT_RUNTIME;
  const target = process.env.CARGO_TARGET_DIR || path.join(process.env.HOME, '.cache', 'polity', 'target');
  return path.join(target, 'release', 'wbuild', 'polity-runtime-next', 'polity_runtime_next.compressed.wasm');
}

const sudo = (api, call, alice) => sendAndWait(api, api.tx.sudo.sudo(call), alice);

function eventOf(api, events, name) {
  return events.find(({ event }) => api.events.stakeholderVoting[name].is(event));
}

async function proposeIn(api, scope, who, title, call = null) {
  const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(scope, title, blake2AsHex(title), call), who);
  const proposed = eventOf(api, events, 'Proposed');
  assert(proposed, 'Proposed event');
  return { index: proposed.event.data.index.toNumber(), end: proposed.event.data.end.toNumber() };
}

const bestNumber = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
const finalizedNumber = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

async function untilBlock(api, n, what) {
  await waitFor(async () => (await bestNumber(api)) >= n, { ms: (n - (await bestNumber(api)) + 4) * 7_000 + 20_000, what });
}

const proposal = async (api, index) => (await api.query.stakeholderVoting.proposals(index)).unwrap();
const ballotOf = async (api, index) => (await api.query.stakeholderVoting.secretBallots(index)).unwrap();
const n = (x) => x.toNumber();

/** Sends several signers' transactions into the same block. */
const together = (api, pairs) => Promise.all(pairs.map(([tx, who]) => sendAndWait(api, tx, who)));

function register() {
  test('shorter voting periods for this chain (set by sudo, dev only)', async ({ api, alice }) => {
    for (const scope of [0, LOCAL]) {
      const rule = (await api.call.stakeholderVotingApi.scope(scope)).unwrap().rule.toJSON();
      await sudo(api, api.tx.stakeholderVoting.setRule(scope, { ...rule, votingPeriod: PERIOD }), alice);
    }
    assertEq((await api.call.stakeholderVotingApi.scope(LOCAL)).unwrap().rule.votingPeriod.toNumber(), PERIOD, 'local period');
  });

  test('a delegate votes for its delegators; one overrides it on this proposal only', async ({ api, alice, bob, charlie, dave }) => {
    // Dave (community) and Charlie (community) offer their local vote to Bob (market)…
    for (const { events } of await together(api, [dave, charlie].map((who) => [api.tx.stakeholderVoting.delegate(LOCAL, bob.address, null), who]))) {
      assert(eventOf(api, events, 'DelegationOffered'), 'DelegationOffered event');
    }
    assertEq((await api.query.stakeholderVoting.delegators(bob.address, LOCAL)).length, 0, 'an offer counts for nothing yet');
    // …and Bob accepts both: nobody becomes a delegate without consenting.
    const accept = api.tx.utility.batchAll([dave, charlie].map((who) => api.tx.stakeholderVoting.acceptDelegation(LOCAL, who.address)));
    const { events: accepted } = await sendAndWait(api, accept, bob);
    assertEq(accepted.filter(({ event }) => api.events.stakeholderVoting.Delegated.is(event)).length, 2, 'two Delegated events');
    const delegators = (await api.query.stakeholderVoting.delegators(bob.address, LOCAL)).map((a) => a.toString());
    assertEq(delegators.length, 2, 'Bob has two delegators');
    const first = await proposeIn(api, LOCAL, alice, 'Fix the water mains');
    const second = await proposeIn(api, LOCAL, alice, 'Extend the water mains');
    const declared = (await api.tx.stakeholderVoting.vote(first.index, 'Aye').paymentInfo(bob)).weight;
    for (const p of [first, second]) {
      const { events } = await sendAndWait(api, api.tx.stakeholderVoting.vote(p.index, 'Aye'), bob);
      const cast = eventOf(api, events, 'DelegatedVotesCast');
      assert(cast, 'DelegatedVotesCast event');
      assertEq(cast.event.data.count.toNumber(), 2, 'two delegated votes cast');
      const ok = events.find(({ event }) => api.events.system.ExtrinsicSuccess.is(event) && event.data.dispatchInfo.weight.refTime.toBigInt() > 0n);
      const used = ok.event.data.dispatchInfo.weight;
      // Weighed for the most delegators, charged for two.
      assert(used.refTime.toBigInt() < declared.refTime.toBigInt(), 'the unused delegator weight is refunded');
      if (p === first) console.log(`       vote weight (ref time): declared for the most delegators ${declared.refTime.toBigInt() / 1_000_000n} µs (proof ${declared.proofSize} B), charged with 2 delegators ${used.refTime.toBigInt() / 1_000_000n} µs`);
    }
    // Charlie disagrees on the first proposal only.
    await sendAndWait(api, api.tx.stakeholderVoting.vote(first.index, 'Nay'), charlie);
    const charlieFirst = (await api.query.stakeholderVoting.votes(first.index, charlie.address)).unwrap();
    assertEq(charlieFirst.choice.toString(), 'Nay', "Charlie's own vote on the first");
    assertEq(charlieFirst.delegated.isTrue, false, 'not delegated');
    const charlieSecond = (await api.query.stakeholderVoting.votes(second.index, charlie.address)).unwrap();
    assertEq(charlieSecond.choice.toString(), 'Aye', 'the delegation still holds on the second');
    assertEq(charlieSecond.delegated.isTrue, true, 'delegated on the second');
    // Each delegated vote stays in its delegator's sector with its delegator's own stake.
    const { tally } = await proposal(api, first.index);
    assertEq(n(tally.market.ayes.count), 1, 'market: Bob');
    assertEq(n(tally.community.ayes.count), 1, 'community aye: Dave through Bob');
    assertEq(n(tally.community.nays.count), 1, 'community nay: Charlie himself');
    assertEq(tally.community.ayes.weight.toNumber(), 20, "Dave's own stake, not Bob's");
    // Bob changes his vote: Dave's follows, Charlie's override stays.
    await sendAndWait(api, api.tx.stakeholderVoting.vote(first.index, 'Abstain'), bob);
    assertEq((await api.query.stakeholderVoting.votes(first.index, dave.address)).unwrap().choice.toString(), 'Abstain', "Dave's vote follows Bob");
    assertEq((await api.query.stakeholderVoting.votes(first.index, charlie.address)).unwrap().choice.toString(), 'Nay', "Charlie's override stays");
    // Both close by themselves.
    await untilBlock(api, second.end + 1, 'both proposals to close');
    for (const p of [first, second]) {
      const { status } = await proposal(api, p.index);
      assert(status.isApproved || status.isRejected, `proposal ${p.index} closed: ${status}`);
    }
    await sendAndWait(api, api.tx.stakeholderVoting.undelegate(LOCAL), charlie);
    assertEq((await api.query.stakeholderVoting.delegations(charlie.address, LOCAL)).isNone, true, 'Charlie undelegated');
  }, { timeoutMs: 240_000 });

  test('a secret ballot: commitments hide every vote until the reveal, then the tally counts', async ({ api, state, alice, bob, charlie, dave }) => {
    const { events } = await sudo(api, api.tx.stakeholderVoting.setPolicy(LOCAL, { secretBallot: 3, attestationRequired: false }), alice);
    assert(eventOf(api, events, 'PolicySet'), 'PolicySet event');
    const p = await proposeIn(api, LOCAL, alice, 'Close the reservoir for repairs');
    const choices = { bob: 'Aye', charlie: 'Nay', dave: 'Aye' };
    const salts = {};
    const commits = [];
    for (const [name, who] of [['bob', bob], ['charlie', charlie], ['dave', dave]]) {
      salts[name] = u8aToHex(crypto.getRandomValues(new Uint8Array(32)));
      // blake2_256(SCALE(index u32, voter, choice, salt)) — the pallet's `commitment_of`.
      const encoded = u8aConcat(
        api.createType('u32', p.index).toU8a(),
        api.createType('AccountId', who.address).toU8a(),
        new Uint8Array([['Aye', 'Nay', 'Abstain'].indexOf(choices[name])]),
        salts[name],
      );
      commits.push([api.tx.stakeholderVoting.commitVote(p.index, blake2AsU8a(encoded)), who]);
    }
    for (const { events: ev } of await together(api, commits)) {
      assert(eventOf(api, ev, 'VoteCommitted'), 'VoteCommitted');
      assert(!eventOf(api, ev, 'Voted'), 'no Voted event while committing');
    }
    // Nothing readable: no vote stored, an empty tally, three commitments.
    const ballot = await ballotOf(api, p.index);
    assertEq(n(ballot.commitments), 3, 'three commitments');
    const view = (await api.rpc.stakeholderVoting.proposal(p.index)).toJSON();
    assertEq(view.secretBallot.commitments, 3, 'the RPC shows three commitments');
    const hidden = await proposal(api, p.index);
    for (const sector of ['government', 'market', 'community']) {
      const t = hidden.tally[sector];
      assertEq(n(t.ayes.count) + n(t.nays.count) + n(t.abstentions.count), 0, `${sector} tally empty before the reveal`);
    }
    assertEq((await api.query.stakeholderVoting.votes.entries(p.index)).length, 0, 'no vote readable');
    await assertRefused(api, api.tx.stakeholderVoting.revealVote(p.index, 'Aye', salts.bob), bob, 'stakeholderVoting.NotRevealPhase');
    await untilBlock(api, n(ballot.revealFrom), 'the reveal phase');
    const reveals = [['bob', bob], ['charlie', charlie]].map(([name, who]) => [api.tx.stakeholderVoting.revealVote(p.index, choices[name], salts[name]), who]);
    for (const { events: ev } of await together(api, reveals)) {
      assert(eventOf(api, ev, 'VoteRevealed'), 'VoteRevealed');
    }
    // Dave never reveals: absent. A wrong reveal is refused and changes nothing.
    await assertRefused(api, api.tx.stakeholderVoting.revealVote(p.index, 'Nay', salts.dave), dave, 'stakeholderVoting.CommitmentMismatch');
    const revealed = await proposal(api, p.index);
    assertEq(n(revealed.tally.market.ayes.count), 1, 'Bob counted');
    assertEq(n(revealed.tally.community.nays.count), 1, 'Charlie counted');
    assertEq(n(revealed.tally.community.ayes.count), 0, 'Dave absent');
    assertEq(n((await ballotOf(api, p.index)).revealed), 2, 'two revealed');
    await untilBlock(api, p.end + 1, 'the secret ballot to close');
    const closed = await proposal(api, p.index);
    assert(closed.status.isApproved || closed.status.isRejected, `closed: ${closed.status}`);
    state.secretProposal = p.index;
  }, { timeoutMs: 240_000 });

  test('a registrar attests a person; the person joins a scope that requires attestations', async ({ api, alice, eve, ferdie }) => {
    const batch = api.tx.utility.batchAll([
      api.tx.stakeholderVoting.addRegistrar(LOCAL, ferdie.address),
      api.tx.stakeholderVoting.setPolicy(LOCAL, { secretBallot: null, attestationRequired: true }),
    ]);
    await sudo(api, batch, alice);
    assert((await api.query.stakeholderVoting.registrars(LOCAL, ferdie.address)).isSome, 'Ferdie is a registrar');
    // Not even root admits Eve without an attestation.
    await assertRefused(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.admit(eve.address, 'Community', LOCAL, 15)), alice, 'stakeholderVoting.AttestationNotFound', { sudo: true });
    const person = blake2AsHex('national-id:E-1234567|scope:1');
    const expires = (await bestNumber(api)) + 500;
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.attest(LOCAL, eve.address, person, 'Community', 15, blake2AsHex('residence certificate'), expires), ferdie);
    assert(eventOf(api, events, 'Attested'), 'Attested event');
    const { events: joined } = await sendAndWait(api, api.tx.stakeholderVoting.join(LOCAL), eve);
    const admitted = eventOf(api, joined, 'Admitted');
    assert(admitted, 'Admitted event');
    assertEq(admitted.event.data.stake.toNumber(), 15, 'the attested stake');
    const info = (await api.rpc.stakeholderVoting.stakeholder(eve.address)).toJSON();
    assertEq(info.sector, 'Community', 'the attested sector');
    // One person, one account in the scope.
    await assertRefused(api, api.tx.stakeholderVoting.attest(LOCAL, alice.address, person, 'Community', 15, blake2AsHex('x'), expires), ferdie, 'stakeholderVoting.PersonAlreadyAttested');
    // An outsider cannot attest.
    await assertRefused(api, api.tx.stakeholderVoting.attest(LOCAL, alice.address, blake2AsHex('y'), 'Market', 1, blake2AsHex('x'), expires), eve, 'stakeholderVoting.NotRegistrar');
  }, { timeoutMs: 180_000 });

  test('a runtime upgrade passes a chain-wide vote, waits out its delay, applies live and keeps state', async ({ api, state, alice, bob, charlie, eve, ferdie, prometheusUrl }) => {
    const file = nextRuntimePath();
    const votesBefore = await metric(prometheusUrl, 'polity_votes_total');
    assert(fs.existsSync(file), `${file} missing: run scripts/build-next-runtime.sh`);
    const code = fs.readFileSync(file);
    const before = api.runtimeVersion.specVersion.toNumber();
    const eveBefore = (await api.rpc.stakeholderVoting.stakeholder(eve.address)).toJSON();
    // Root-level decisions wait three blocks after they pass.
    await sudo(api, api.tx.stakeholderVoting.setSafeguards(null, { minVotingPeriod: 0, enactmentDelay: 3, confirmPeriod: 0 }), alice);
    const authorize = api.tx.stakeholderVoting.dispatchAsRoot(api.tx.system.authorizeUpgrade(blake2AsHex(code)));
    const p = await proposeIn(api, 0, alice, 'Upgrade the runtime', authorize);
    await together(api, [alice, bob, charlie].map((who) => [api.tx.stakeholderVoting.vote(p.index, 'Aye'), who]));
    await untilBlock(api, p.end + 1, 'the upgrade vote to close');
    const { status } = await proposal(api, p.index);
    assert(status.isScheduled, `passed and waiting out its delay: ${status}`);
    const { at, enactAt } = status.asScheduled;
    assertEq(n(enactAt) - n(at), 3, 'three blocks of delay');
    assertEq((await api.query.system.authorizedUpgrade()).isNone, true, 'not authorized during the delay');
    await untilBlock(api, n(enactAt) + 1, 'the enactment');
    const enacted = (await proposal(api, p.index)).status;
    assert(enacted.isApproved && enacted.asApproved.enactment.unwrap().isEnacted, `enacted: ${enacted}`);
    const authorized = (await api.query.system.authorizedUpgrade()).unwrap();
    assertEq(authorized.codeHash.toHex(), blake2AsHex(code), 'the voted code hash is authorized');
    // Anyone submits the code; the chain checks it against the authorized hash.
    const versions = [];
    const unsub = await api.rpc.state.subscribeRuntimeVersion((v) => versions.push(v.specVersion.toNumber()));
    // (The events of the block that changes the code are not checked here: @polkadot/api swaps
    // its registry while reading them. The version and `lastRuntimeUpgrade` say it all.)
    await sendAndWait(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), ferdie, { ms: 120_000 });
    await waitFor(async () => versions.includes(before + 1), { ms: 60_000, what: `spec_version ${before + 1}` });
    // The first block the new code executes runs the migrations and records the upgrade.
    await waitFor(async () => (await api.query.system.lastRuntimeUpgrade()).unwrap().specVersion.toNumber() === before + 1, { ms: 60_000, what: 'lastRuntimeUpgrade to record the new version' });
    const versionKey = xxhashAsHex('StakeholderVoting', 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);
    const stored = await api.rpc.state.getStorage(versionKey);
    assertEq(api.createType('u16', stored.unwrap()).toNumber(), 3, 'stakeholder voting storage at v3');
    assertEq((await api.query.system.authorizedUpgrade()).isNone, true, 'the authorization is used up');
    unsub();
    await waitFor(async () => api.runtimeVersion.specVersion.toNumber() === before + 1, { ms: 60_000, what: '@polkadot/api to see the new version' });
    const upgradedAt = await bestNumber(api);
    // The chain keeps producing and finalizing blocks on the new runtime.
    await waitFor(async () => (await finalizedNumber(api)) >= upgradedAt + 2, { ms: 90_000, what: 'finality past the upgrade' });
    const version = await api.rpc.state.getRuntimeVersion();
    assertEq(version.specVersion.toNumber(), before + 1, 'new spec_version over RPC');
    // State survives: proposals, votes' outcomes, stakeholders.
    assert((await proposal(api, p.index)).status.isApproved, 'the upgrade proposal is still on record');
    if (state.secretProposal !== undefined) {
      assertEq(n((await ballotOf(api, state.secretProposal)).revealed), 2, 'the secret ballot is still on record');
    }
    const eveAfter = (await api.rpc.stakeholderVoting.stakeholder(eve.address)).toJSON();
    assert(eveAfter !== null, 'Eve still a stakeholder');
    assertEq(JSON.stringify(eveAfter), JSON.stringify(eveBefore), "Eve's membership unchanged");
    // And it takes new transactions.
    const next = await proposeIn(api, LOCAL, alice, 'After the upgrade');
    const { events: voted } = await sendAndWait(api, api.tx.stakeholderVoting.vote(next.index, 'Aye'), bob);
    assert(eventOf(api, voted, 'Voted'), 'a vote on the new runtime');
    // The node's metrics come from the runtime at each block (GovernanceMetricsApi): after the
    // upgrade they still read right. Three votes passed the upgrade, one came after it.
    const proposals = (await api.query.stakeholderVoting.proposalCount()).toNumber();
    const open = (await api.query.stakeholderVoting.openProposalsIn.entries())
      .reduce((sum, [, v]) => sum + v.toNumber(), 0);
    await waitFor(async () => (await metric(prometheusUrl, 'polity_votes_total')) >= votesBefore + 4
      && (await metric(prometheusUrl, 'polity_proposals')) === proposals
      && (await metric(prometheusUrl, 'polity_open_proposals')) === open,
    { ms: 60_000, what: `polity_votes_total ≥ ${votesBefore + 4}, polity_proposals = ${proposals}, polity_open_proposals = ${open}` });
    const regulators = (await api.query.regulatoryNodes.regulatorCount()).toNumber();
    assertEq(await metric(prometheusUrl, 'polity_regulators'), regulators, 'polity_regulators after the upgrade');
  }, { timeoutMs: 420_000 });
}

/** Sends `tx` and expects it to fail on chain with `expected` (`section.Name`). */
async function assertRefused(api, tx, signer, expected, { sudo: viaSudo = false } = {}) {
  if (viaSudo) {
    const { events } = await sendAndWait(api, tx, signer);
    const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
    const result = sudid.event.data.sudoResult;
    assert(result.isErr, 'the sudo call failed');
    const meta = api.registry.findMetaError(result.asErr.asModule);
    assertEq(`${meta.section}.${meta.name}`, expected, 'sudo error');
    return;
  }
  try {
    await sendAndWait(api, tx, signer);
  } catch (e) {
    assertEq(e.message, `dispatch failed: ${expected}`, 'error');
    return;
  }
  throw new Error(`expected ${expected}, but it succeeded`);
}
