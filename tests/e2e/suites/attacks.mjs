// Attack classes replayed on a live `--dev` node, each refused with its named error:
//  1. one call walker: no vote writes raw storage or reaches sudo through any wrapper, and a
//     call tree deeper than the bound is refused;
//  2. caps per target over time: freeze → unfreeze → freeze does not restart the cap; an
//     overturn lifts the regulators' renewal too and the target cools off;
//  3. consent: a scope's own vote cannot enrol an outsider; a member leaves of its own accord;
//     a registrar attests no stake above the chain's bound or the scope's cap;
//  4. no party blocks another's rights: nothing is licensed or offered on a provisional record,
//     so a front-runner cannot grow the log of a hash someone committed to;
//  4+. nobody becomes a delegate without accepting: offers fill no one's delegator slots; a
//     member with no balance parks at most four free votes in the pool; a validator cannot
//     remove its own session keys;
//  5. a field one byte over its bound is an ordinary transaction refused by name, not a wasm
//     trap at the pool; storage anyone can add (licences, log entries, delegation offers, open
//     motions) holds a deposit from whoever adds it;
//  5. verify-receipt refuses to trust a chain with well-known keys unless told, and requires a
//     chain spec; the portal's server answers a malformed address with 400 and sends CSP.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { assert, assertEq, test, waitFor } from '../lib/harness.mjs';
import { freePort, nodeBinary, repoRoot } from '../lib/node.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { sameAccount as same, withDevNode } from '../lib/suite.mjs';
import { commitmentOf } from './data.mjs';

export const run = () => withDevNode('attacks', register);

/** The error message of a rejected promise (or a failed assertion if it resolved). */
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e.message;
  }
  throw new Error('assertion failed: expected a refusal');
}

const bestNumber = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();

/** Proposes `call` in `scope` as `who`; resolves with the proposal index. */
async function propose(api, who, scope, title, call) {
  const { events } = await sendAndWait(api, api.tx.stakeholderVoting.propose(scope, title, blake2AsHex(title), call), who);
  return events.find(({ event }) => api.events.stakeholderVoting.Proposed.is(event)).event.data.index.toNumber();
}

/** Runs a firewall action by a motion of Alice approved by Bob; resolves with the approve's outcome. */
async function motion(api, alice, bob, action, reason = 'review') {
  const { events } = await sendAndWait(api, api.tx.regulatoryNodes.propose(action, null, reason), alice);
  const id = events.find(({ event }) => api.events.regulatoryNodes.MotionProposed.is(event)).event.data.motion;
  const approved = await sendAndWait(api, api.tx.regulatoryNodes.approve(id), bob);
  return approved.events.find(({ event }) => api.events.regulatoryNodes.ActionExecuted.is(event)).event.data.action.toNumber();
}

function register() {
  test('1. no vote writes raw storage or reaches sudo, through any wrapper', async ({ api, alice }) => {
    const sudoKey = xxhashAsHex('Sudo', 128) + xxhashAsHex('Key', 128).slice(2);
    const before = (await api.query.sudo.key()).toString();
    // Eve's account id as the new `Sudo::Key`: the superuser by one raw write.
    const setKey = api.tx.system.setStorage([[sudoKey, api.createType('AccountId32', '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw').toHex()]]);
    const asRoot = (call) => api.tx.stakeholderVoting.dispatchAsRoot(call);
    const variants = {
      'setStorage(Sudo::Key)': asRoot(setKey),
      'batchAll([remark, killPrefix])': asRoot(api.tx.utility.batchAll([api.tx.system.remark('x'), api.tx.system.killPrefix('0x00', 1)])),
      'ifElse(remark, forceBatch([killStorage]))': asRoot(api.tx.utility.ifElse(api.tx.system.remark('x'),
        api.tx.utility.forceBatch([api.tx.system.killStorage(['0x00'])]))),
      'withWeight(sudo.setKey)': asRoot(api.tx.utility.withWeight(api.tx.sudo.setKey(alice.address), { refTime: 1, proofSize: 1 })),
    };
    for (const [name, call] of Object.entries(variants)) {
      const refused = await failure(propose(api, alice, 0, `attack ${name}`, call));
      assert(/stakeholderVoting\.RootCallForbidden/.test(refused), `${name}: ${refused}`);
    }
    let deep = api.tx.system.remark('deep');
    for (let i = 0; i < 9; i++) deep = api.tx.utility.batch([deep]);
    const tooDeep = await failure(propose(api, alice, 0, 'too deep', deep));
    assert(/stakeholderVoting\.CallTooComplex/.test(tooDeep), `nine wrappers deep: ${tooDeep}`);
    assertEq((await api.query.sudo.key()).toString(), before, 'the sudo key is unchanged');
  });

  test('2. freeze → unfreeze → freeze again does not restart the cap', async ({ api, alice, bob, ferdie }) => {
    const max = api.consts.regulatoryNodes.maxFreezeDuration.toNumber();
    const now = await bestNumber(api);
    await motion(api, alice, bob, { Freeze: { who: ferdie.address, until: now + max } });
    assert((await api.query.regulatoryNodes.freezes(ferdie.address)).isSome, 'Ferdie is frozen');
    await motion(api, alice, bob, { Unfreeze: { who: ferdie.address } });
    const later = await bestNumber(api);
    // Refused as soon as it is proposed (and again if it ever came to execute).
    const refused = await failure(sendAndWait(api, api.tx.regulatoryNodes.propose({ Freeze: { who: ferdie.address, until: later + max } }, null, 'again'), alice));
    assert(/regulatoryNodes\.RestrictionCapReached/.test(refused), `a second full-length freeze: ${refused}`);
    // What is left of the cap may still be used.
    await motion(api, alice, bob, { Freeze: { who: ferdie.address, until: later + 20 } });
    assert((await api.query.regulatoryNodes.freezes(ferdie.address)).isSome, 'a short freeze within the cap');
  }, { timeoutMs: 180_000 });

  test('2+3. an overturn lifts the renewal too; a scope cannot enrol an outsider; a member leaves', async ({ api, alice, bob, charlie, dave, eve, ferdie }) => {
    // Regulators freeze Eve, then renew the freeze while the stakeholders vote to overturn it.
    const now = await bestNumber(api);
    const first = await motion(api, alice, bob, { Freeze: { who: eve.address, until: now + 200 } });
    const overturn = await propose(api, alice, 0, 'Overturn the freeze of Eve', api.tx.regulatoryNodes.overturn(first));
    // The scope district-7-water votes to enrol Ferdie, who never applied.
    const enrol = await propose(api, bob, 1, 'Enrol Ferdie', api.tx.stakeholderVoting.admit(ferdie.address, 'Community', 1, 5));
    await motion(api, alice, bob, { Freeze: { who: eve.address, until: now + 400 } }, 'renewal');
    for (const who of [alice, bob, charlie]) await sendAndWait(api, api.tx.stakeholderVoting.vote(overturn, 'Aye'), who);
    for (const who of [bob, charlie, dave]) await sendAndWait(api, api.tx.stakeholderVoting.vote(enrol, 'Aye'), who);
    await waitFor(async () => (await api.query.stakeholderVoting.proposals(overturn)).unwrap().status.isApproved
      && (await api.query.stakeholderVoting.proposals(enrol)).unwrap().status.isApproved,
    { ms: 200_000, what: 'both votes to close' });
    assert(!(await api.query.regulatoryNodes.freezes(eve.address)).isSome, 'the renewal is lifted with the overturned freeze');
    const coolOff = await api.query.regulatoryNodes.coolOffs({ Account: eve.address });
    assert(coolOff.isSome, 'Eve cools off');
    const again = await sendAndWait(api, api.tx.regulatoryNodes.propose({ Freeze: { who: eve.address, until: (await bestNumber(api)) + 50 } }, null, 'again'), alice)
      .then(() => 'proposed', (e) => e.message);
    assert(/regulatoryNodes\.CoolingOff/.test(again), `no motion may freeze her again meanwhile: ${again}`);
    const enacted = (await api.query.stakeholderVoting.proposals(enrol)).unwrap().status.asApproved.enactment.unwrap();
    assert(enacted.isEnactmentFailed && /badOrigin/i.test(enacted.toString()), `the enrolment fails: ${enacted.toString()}`);
    assert(!(await api.query.stakeholderVoting.stakeholders(ferdie.address)).isSome, 'Ferdie was not enrolled');
    // Any member may leave a scope of its own accord.
    const { events } = await sendAndWait(api, api.tx.stakeholderVoting.leave(1), dave);
    const left = events.find(({ event }) => api.events.stakeholderVoting.LeftScope.is(event));
    assert(left && same(left.event.data.who.toString(), dave.address), 'LeftScope');
    assert(!(await api.query.stakeholderVoting.stakeholders(dave.address)).isSome, 'Dave is in no scope now');
  }, { timeoutMs: 360_000 });

  test('4. a front-runner cannot license or offer a hash someone committed to', async ({ api, bob, charlie }) => {
    const hash = blake2AsHex(`committed ${Date.now()}`);
    const salt = blake2AsHex(`salt ${Math.random()}`);
    const meta = { title: 'tender', mediaType: 'application/pdf', uri: '', schema: null };
    await sendAndWait(api, api.tx.dataOwnership.commit(commitmentOf(api, bob.address, salt, [[hash, null]])), bob);
    await sendAndWait(api, api.tx.dataOwnership.register(hash, meta, null), charlie);
    // In one batch, as the attack did: grants and revocations to fill the log.
    const flood = api.tx.utility.batchAll([
      api.tx.dataOwnership.grantAccess(hash, bob.address, 'x', 1_000_000),
      api.tx.dataOwnership.revokeAccess(hash, bob.address),
    ]);
    const refused = await failure(sendAndWait(api, flood, charlie));
    assert(/dataOwnership\.Provisional/.test(refused), `licences on a provisional record: ${refused}`);
    const offer = await failure(sendAndWait(api, api.tx.dataOwnership.offerTransfer(hash, bob.address, 1_000_000), charlie));
    assert(/dataOwnership\.Provisional/.test(offer), `offers on a provisional record: ${offer}`);
    await sendAndWait(api, api.tx.dataOwnership.reveal([{ hash, metadata: meta, supersedes: null }], salt), bob);
    assert(same((await api.rpc.dataOwnership.record(hash)).toJSON().owner, bob.address), 'Bob owns what he committed to');
  });

  test('4+. offers fill no one\'s delegator slots; a delegate consents or no delegation counts', async ({ api, alice, bob, charlie }) => {
    // Alice and Charlie (members of the local scope) both "delegate" to Bob, unasked.
    for (const who of [alice, charlie]) {
      const { events } = await sendAndWait(api, api.tx.stakeholderVoting.delegate(1, bob.address, null), who);
      assert(events.some(({ event }) => api.events.stakeholderVoting.DelegationOffered.is(event)), 'DelegationOffered');
    }
    assertEq((await api.query.stakeholderVoting.delegators(bob.address, 1)).length, 0, 'Bob has no delegators');
    // Bob's own delegation is not blocked by them (one step only counts accepted ones).
    await sendAndWait(api, api.tx.stakeholderVoting.delegate(1, charlie.address, null), bob);
    await sendAndWait(api, api.tx.stakeholderVoting.acceptDelegation(1, bob.address), charlie);
    assert(same((await api.query.stakeholderVoting.delegations(bob.address, 1)).unwrap().delegate.toString(), charlie.address), 'Bob delegates to Charlie');
    // Nobody but the named delegate accepts an offer.
    const stolen = await failure(sendAndWait(api, api.tx.stakeholderVoting.acceptDelegation(1, charlie.address), alice));
    assert(/stakeholderVoting\.DelegationNotFound/.test(stolen), `accepting another's offer: ${stolen}`);
    // Tidy up: Bob stops delegating; Charlie ends the delegation to it; offers withdrawn.
    await sendAndWait(api, api.tx.stakeholderVoting.undelegate(1), bob);
    for (const who of [alice, charlie]) await sendAndWait(api, api.tx.stakeholderVoting.undelegate(1), who);
    assertEq((await api.query.stakeholderVoting.delegationOffers.entries()).length, 0, 'no offer left');
  });

  test('3+. a registrar attests no stake above the cap: the chain\'s bound and the scope\'s own', async ({ api, alice, ferdie }) => {
    const max = api.consts.stakeholderVoting.maxAttestedStake.toBigInt();
    await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.addRegistrar(1, ferdie.address)), alice);
    const expires = (await bestNumber(api)) + 1_000;
    const attest = (stake, person) => api.tx.stakeholderVoting.attest(1, alice.address, blake2AsHex(person), 'Government', stake, blake2AsHex('evidence'), expires);
    const huge = await failure(sendAndWait(api, attest(max + 1n, 'cap-1'), ferdie));
    assert(/stakeholderVoting\.StakeTooLarge/.test(huge), `above MaxAttestedStake: ${huge}`);
    const { events } = await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.setStakeCap(1, 50)), alice);
    assert(events.some(({ event }) => api.events.stakeholderVoting.StakeCapSet.is(event)), 'StakeCapSet');
    const over = await failure(sendAndWait(api, attest(51, 'cap-2'), ferdie));
    assert(/stakeholderVoting\.StakeTooLarge/.test(over), `above the scope's cap: ${over}`);
    await sendAndWait(api, attest(50, 'cap-3'), ferdie);
    assertEq((await api.query.stakeholderVoting.attestations(1, alice.address)).unwrap().stake.toNumber(), 50, 'attested at the cap');
  });

  test('5. a field one byte over its bound is refused by name, not trapped at the pool', async ({ api, alice, bob }) => {
    const c = api.consts;
    const over = (bound) => 'x'.repeat(bound.toNumber() + 1);
    const meta = { title: 't', mediaType: 'text/plain', uri: '', schema: null };
    const cases = [
      ['title', api.tx.dataOwnership.register(blake2AsHex('over-title'), { ...meta, title: over(c.dataOwnership.maxTitleLen) }, null), 'dataOwnership.TitleTooLong'],
      ['media type', api.tx.dataOwnership.register(blake2AsHex('over-media'), { ...meta, mediaType: over(c.dataOwnership.maxMediaTypeLen) }, null), 'dataOwnership.MediaTypeTooLong'],
      ['uri', api.tx.dataOwnership.register(blake2AsHex('over-uri'), { ...meta, uri: over(c.dataOwnership.maxUriLen) }, null), 'dataOwnership.UriTooLong'],
      ['batch', api.tx.dataOwnership.registerBatch([{ hash: blake2AsHex('b'), metadata: { ...meta, uri: over(c.dataOwnership.maxUriLen) }, supersedes: null }]), 'dataOwnership.UriTooLong'],
      ['proposal title', api.tx.stakeholderVoting.propose(1, over(c.stakeholderVoting.maxTitleLen), blake2AsHex('d'), null), 'stakeholderVoting.TitleTooLong'],
      ['reason', api.tx.regulatoryNodes.propose({ Freeze: { who: bob.address, until: 1_000_000 } }, null, over(c.regulatoryNodes.maxReasonLen)), 'regulatoryNodes.ReasonTooLong'],
    ];
    for (const [what, tx, error] of cases) {
      const refused = await failure(sendAndWait(api, tx, alice));
      assert(refused.includes(error), `${what} one byte over: ${refused}`);
      assert(!/unreachable|wasm trap/i.test(refused), `${what}: no trap`);
    }
  });

  test('5. storage is paid for: licences, transfer offers, log entries, delegation offers and open motions hold deposits', async ({ api, alice, charlie, dave, keyring }) => {
    const MILLI = 10n ** 9n;
    /** What `who` holds for `pallet`'s hold reason `reason`. */
    const held = async (who, pallet, reason) => {
      const holds = (await api.query.balances.holds(who.address)).toJSON();
      return holds.filter(({ id }) => id[pallet[0].toLowerCase() + pallet.slice(1)] === reason || id[pallet] === reason)
        .reduce((sum, { amount }) => sum + BigInt(amount), 0n);
    };
    // A record (Dave's: he left every scope above, his balance is his own): its one owner-made
    // log entry holds 1 mPOL.
    const hash = blake2AsHex(`paid ${Date.now()}`);
    await sendAndWait(api, api.tx.dataOwnership.register(hash, { title: 'paid', mediaType: 'text/plain', uri: '', schema: null }, null), dave);
    const logBefore = await held(dave, 'DataOwnership', 'ActivityDeposit');
    assert(logBefore >= MILLI, `the log entry is paid: ${logBefore}`);
    assertEq((await api.query.dataOwnership.logDeposits(hash)).toBigInt(), MILLI, 'LogDeposits of the record');
    // A delegation offer holds 0.1 POL until withdrawn.
    await sendAndWait(api, api.tx.stakeholderVoting.delegate(1, alice.address, null), charlie);
    assertEq(await held(charlie, 'StakeholderVoting', 'DelegationDeposit'), 100n * MILLI, 'an offer holds DelegationDeposit');
    assertEq(await held(alice, 'StakeholderVoting', 'DelegationDeposit'), 0n, 'the delegate pays nothing');
    await sendAndWait(api, api.tx.stakeholderVoting.undelegate(1), charlie);
    assertEq(await held(charlie, 'StakeholderVoting', 'DelegationDeposit'), 0n, 'withdrawn, its deposit is back');
    // An open motion holds 0.1 POL from its proposer.
    const motionsBefore = await held(alice, 'RegulatoryNodes', 'MotionDeposit');
    const subject = keyring.addFromUri(`//attacks/paid/${Date.now()}`);
    const until = (await bestNumber(api)) + 100;
    await sendAndWait(api, api.tx.regulatoryNodes.propose({ Freeze: { who: subject.address, until } }, null, 'paid'), alice);
    assertEq(await held(alice, 'RegulatoryNodes', 'MotionDeposit') - motionsBefore, 100n * MILLI, 'an open motion holds MotionDeposit');
    // A licence holds 10 mPOL until revoked — once the record is no longer provisional.
    const { registeredAt } = (await api.rpc.dataOwnership.record(hash)).toJSON();
    const window = api.consts.dataOwnership.revealWindow.toNumber();
    await waitFor(async () => (await bestNumber(api)) >= registeredAt + window, { ms: 300_000, what: 'the record to stop being provisional' });
    const grantsBefore = await held(dave, 'DataOwnership', 'GrantDeposit');
    await sendAndWait(api, api.tx.dataOwnership.grantAccess(hash, charlie.address, 'audit', 1_000_000), dave);
    assertEq(await held(dave, 'DataOwnership', 'GrantDeposit') - grantsBefore, 10n * MILLI, 'a licence holds GrantDeposit');
    await sendAndWait(api, api.tx.dataOwnership.revokeAccess(hash, charlie.address), dave);
    assertEq(await held(dave, 'DataOwnership', 'GrantDeposit'), grantsBefore, 'revoked, its deposit is back');
    assertEq(await held(dave, 'DataOwnership', 'ActivityDeposit') - logBefore, 2n * MILLI, 'two more entries, two more deposits');
    // A pending transfer offer holds 10 mPOL until it ends.
    const offersBefore = await held(dave, 'DataOwnership', 'OfferDeposit');
    await sendAndWait(api, api.tx.dataOwnership.offerTransfer(hash, charlie.address, (await bestNumber(api)) + 50), dave);
    assertEq(await held(dave, 'DataOwnership', 'OfferDeposit') - offersBefore, 10n * MILLI, 'an offer holds OfferDeposit');
    await sendAndWait(api, api.tx.dataOwnership.cancelOffer(hash), dave);
    assertEq(await held(dave, 'DataOwnership', 'OfferDeposit'), offersBefore, 'cancelled, its deposit is back');
  }, { timeoutMs: 420_000 });

  test('4+. a member with no balance parks at most four free votes in the pool', async ({ api, alice, bob, charlie, keyring }) => {
    const member = keyring.addFromUri(`//attacks/feeless/${Date.now()}`);
    await sendAndWait(api, api.tx.sudo.sudo(api.tx.stakeholderVoting.admit(member.address, 'Community', 1, 1)), alice);
    const proposals = [];
    for (const [i, who] of [alice, bob, charlie, alice, charlie].entries()) proposals.push(await propose(api, who, 1, `feeless ${i} ${Date.now()}`, null));
    const nonce = (await api.rpc.system.accountNextIndex(member.address)).toNumber();
    const { era, blockHash } = await (async () => {
      const header = await api.rpc.chain.getHeader();
      return { era: api.createType('ExtrinsicEra', { current: header.number, period: 64 }), blockHash: header.hash };
    })();
    // Five free votes on five proposals, signed at once with nonces n … n+4.
    const signed = proposals.map((index, i) => api.tx.stakeholderVoting.vote(index, 'Aye')
      .sign(member, { nonce: nonce + i, era, blockHash, genesisHash: api.genesisHash, runtimeVersion: api.runtimeVersion }).toHex());
    // Submitted last first, so none is ready yet when the far ones arrive.
    const refused = await failure(api.rpc.author.submitExtrinsic(signed[4]));
    assert(/Custom error: 3/.test(refused), `a free vote five ahead: ${refused}`);
    for (const xt of signed.slice(0, 4).reverse()) await api.rpc.author.submitExtrinsic(xt);
    // The on-chain nonce (the pool's `accountNextIndex` counts them as soon as they are ready).
    await waitFor(async () => (await api.query.system.account(member.address)).nonce.toNumber() === nonce + 4, { ms: 60_000, what: 'the four free votes to be included' });
    for (const index of proposals.slice(0, 4)) {
      assert((await api.query.stakeholderVoting.votes(index, member.address)).isSome, `the vote on ${index} counted`);
    }
  });

  test('4+. a validator cannot remove its own session keys', async ({ api, alice }) => {
    const refused = await failure(sendAndWait(api, api.tx.session.purgeKeys(), alice));
    assert(/Custom error: 2/.test(refused), `purgeKeys by a validator: ${refused}`);
    const wrapped = await failure(sendAndWait(api, api.tx.utility.batch([api.tx.session.purgeKeys()]), alice));
    assert(/Custom error: 2/.test(wrapped), `purgeKeys in a batch: ${wrapped}`);
    assert((await api.query.session.nextKeys(alice.address)).isSome, 'Alice keeps her keys');
  });

  test('5. verify-receipt needs a chain spec and refuses well-known keys unless told', async () => {
    const receipt = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polity-attack-')), 'r.json');
    fs.writeFileSync(receipt, '{}');
    const noChain = spawnSync(nodeBinary(), ['verify-receipt', receipt], { encoding: 'utf8' });
    assert(noChain.status !== 0 && /--chain/.test(noChain.stderr), `no --chain: exit ${noChain.status}, ${noChain.stderr.trim()}`);
    const devKeys = spawnSync(nodeBinary(), ['verify-receipt', '--chain', 'dev', receipt], { encoding: 'utf8' });
    assert(devKeys.status !== 0 && /REFUSED.*\/\/Alice/s.test(devKeys.stderr + devKeys.stdout), `dev keys: exit ${devKeys.status}, ${devKeys.stderr.trim()}`);
  });

  test('5. the portal server answers a malformed address with 400, sends CSP, and keeps serving', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'polity-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    const port = await freePort();
    const server = spawn(process.execPath, [path.join(repoRoot, 'portal', 'serve.mjs'), '--port', String(port), '--dist', dist], { stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(base)).ok, { ms: 10_000, what: 'the portal server' });
      const bad = await fetch(`${base}/%E0%A4%A`);
      assertEq(bad.status, 400, 'malformed escape');
      const ok = await fetch(`${base}/`);
      assertEq(ok.status, 200, 'still serving');
      const csp = ok.headers.get('content-security-policy') || '';
      assert(/frame-ancestors 'none'/.test(csp), `CSP: ${csp}`);
      assertEq(ok.headers.get('x-frame-options'), 'DENY', 'X-Frame-Options');
    } finally {
      server.kill();
    }
  });
}
