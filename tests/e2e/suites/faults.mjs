// Fault tests on a four-validator `--chain local` network with on-disk databases: finality lag
// under no load; one validator stopped and restarted; two stopped (finality halts) and one
// restarted (finality resumes, nothing finalized is reverted); a node restarted from its
// database; one node cut off the network and healed. Each test prints what it saw and fails on
// a timeout.
//
// Dave runs in his own network namespace behind a veth pair, so cutting him off is taking the
// link down (needs root and `ip`); without them he runs on loopback and is cut off by SIGSTOP.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { assert, assertEq, runTests, test, waitFor } from '../lib/harness.mjs';
import { connect, freePort, nodeBinary, peerIdOf, startNode } from '../lib/node.mjs';
import { sendAndWait } from '../lib/tx.mjs';

const NS = 'polity-faults';
const HOST_IP = '10.77.0.1';
const NS_IP = '10.77.0.2';

function ip(...args) {
  execFileSync('ip', args, { stdio: 'ignore' });
}

/** Puts a veth pair between the host and namespace NS; false if this machine cannot. */
function setUpNamespace() {
  try {
    tearDownNamespace();
    ip('netns', 'add', NS);
    ip('link', 'add', 'pf0', 'type', 'veth', 'peer', 'name', 'pf1');
    ip('link', 'set', 'pf1', 'netns', NS);
    ip('addr', 'add', `${HOST_IP}/24`, 'dev', 'pf0');
    ip('link', 'set', 'pf0', 'up');
    ip('netns', 'exec', NS, 'ip', 'addr', 'add', `${NS_IP}/24`, 'dev', 'pf1');
    ip('netns', 'exec', NS, 'ip', 'link', 'set', 'pf1', 'up');
    ip('netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up');
    return true;
  } catch {
    tearDownNamespace();
    return false;
  }
}

function tearDownNamespace() {
  try { ip('link', 'del', 'pf0'); } catch { /* absent */ }
  try { ip('netns', 'del', NS); } catch { /* absent */ }
}

/** Dave's best block, asked over RPC from inside his namespace (the link may be down). */
function daveBestInside(rpcPort) {
  const out = execFileSync('ip', ['netns', 'exec', NS, 'curl', '-s', '--noproxy', '*', '-m', '5',
    '-H', 'content-type: application/json',
    '-d', '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}', `http://127.0.0.1:${rpcPort}`], { encoding: 'utf8' });
  return parseInt(JSON.parse(out).result.number, 16);
}

const best = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
const finalized = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The Aura authority (hex public key) that authored block `n`. */
async function authorOf(api, n) {
  const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

export async function run() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polity-faults-'));
  const namespaced = process.getuid && process.getuid() === 0 && setUpNamespace();
  const names = ['alice', 'bob', 'charlie', 'dave'];
  const nodes = {};

  /** (Re)starts validator `name` on its own database and ports. */
  async function start(name) {
    const i = names.indexOf(name);
    const prev = nodes[name];
    const rpcPort = prev ? prev.rpcPort : await freePort();
    const p2pPort = prev ? prev.p2pPort : await freePort();
    const inNs = namespaced && name === 'dave';
    const host = inNs ? NS_IP : '127.0.0.1';
    const args = ['--chain', 'local', `--${name}`, '--validator', '--base-path', path.join(dir, name),
      '--node-key', (i + 1).toString(16).padStart(64, '0')];
    if (name !== 'alice') {
      const a = nodes.alice;
      args.push('--bootnodes', `/ip4/${inNs ? HOST_IP : '127.0.0.1'}/tcp/${a.p2pPort}/p2p/${a.peerId}`);
    }
    let node;
    if (inNs) {
      // `ip netns exec` runs the node inside the namespace; RPC listens on its address.
      node = await startNode({
        name: `faults-${name}`, rpcPort, p2pPort, host,
        command: 'ip', commandArgs: ['netns', 'exec', NS, nodeBinary()],
        args: [...args, '--unsafe-rpc-external', '--rpc-methods', 'safe'],
      });
    } else {
      node = await startNode({ name: `faults-${name}`, rpcPort, p2pPort, args });
    }
    node.api = await connect(node.wsUrl);
    node.peerId = await peerIdOf(node.api);
    nodes[name] = node;
    return node;
  }

  async function stop(name) {
    const node = nodes[name];
    await node.api.disconnect().catch(() => {});
    await node.stop();
  }

  try {
    for (const name of names) await start(name);
    const alice = () => nodes.alice.api;
    console.log(`       network: four validators, databases in ${dir}; Dave ${namespaced ? `in netns ${NS} (${NS_IP})` : 'on loopback'}`);
    await waitFor(async () => (await Promise.all(names.map((n) => finalized(nodes[n].api)))).every((f) => f >= 2),
      { ms: 120_000, what: 'finality on every node' });

    test('finality lag stays small under no load', async () => {
      let worst = 0;
      let sum = 0;
      let samples = 0;
      for (let i = 0; i < 6; i++) {
        for (const n of names) {
          const lag = (await best(nodes[n].api)) - (await finalized(nodes[n].api));
          worst = Math.max(worst, lag);
          sum += lag;
          samples += 1;
        }
        await sleep(5_000);
      }
      console.log(`       best - finalized over 30 s on 4 nodes: mean ${(sum / samples).toFixed(2)}, worst ${worst} blocks`);
      assert(worst <= 4, `lag at most 4 blocks, saw ${worst}`);
    }, { timeoutMs: 90_000 });

    test('one of four validators stops: blocks and finality go on; restarted, it catches up and authors', async () => {
      await stop('dave');
      const f0 = await finalized(alice());
      const t0 = Date.now();
      await waitFor(async () => (await finalized(alice())) >= f0 + 3, { ms: 90_000, what: 'finality to advance 3 blocks with 3 of 4' });
      console.log(`       Dave stopped: finalized #${f0} -> #${await finalized(alice())} in ${Date.now() - t0} ms`);
      const target = await best(alice());
      const t1 = Date.now();
      await start('dave');
      await waitFor(async () => (await best(nodes.dave.api)) >= target, { ms: 120_000, what: `Dave to catch up to #${target}` });
      const caughtUp = Date.now() - t1;
      const daveKey = keyring.addFromUri('//Dave').publicKey;
      const daveHex = `0x${Buffer.from(daveKey).toString('hex')}`;
      const from = await best(alice());
      const authored = await waitFor(async () => {
        const head = await best(alice());
        for (let n = from + 1; n <= head; n++) {
          if ((await authorOf(alice(), n)) === daveHex) return n;
        }
        return null;
      }, { ms: 120_000, what: 'a block authored by Dave after his restart' });
      console.log(`       Dave restarted: caught up to #${target} in ${caughtUp} ms, authored #${authored} ${Date.now() - t1} ms after restart`);
    }, { timeoutMs: 360_000 });

    test('two of four stop: finality halts; one restarted: it resumes, finalizes the backlog, reverts nothing', async () => {
      await stop('charlie');
      await stop('dave');
      await sleep(8_000);
      const stalled = await finalized(alice());
      const stalledHash = (await alice().rpc.chain.getFinalizedHead()).toHex();
      const bestBefore = await best(alice());
      await sleep(30_000);
      const stillFinalized = await finalized(alice());
      const bestDuring = await best(alice());
      console.log(`       2 of 4 down: finalized #${stalled} -> #${stillFinalized} over 30 s while best #${bestBefore} -> #${bestDuring}`);
      assertEq(stillFinalized, stalled, 'finality halts without two thirds');
      const t0 = Date.now();
      await start('charlie');
      await waitFor(async () => (await finalized(alice())) >= bestDuring, { ms: 180_000, what: `finality to pass #${bestDuring}` });
      const recovered = Date.now() - t0;
      const hashAfter = (await alice().rpc.chain.getBlockHash(stalled)).toHex();
      assertEq(hashAfter, stalledHash, `finalized block #${stalled} is still canonical`);
      for (const n of ['bob', 'charlie']) {
        const h = (await nodes[n].api.rpc.chain.getBlockHash(stalled)).toHex();
        assertEq(h, stalledHash, `${n} agrees on finalized #${stalled}`);
      }
      console.log(`       Charlie restarted: finality resumed and passed the backlog (#${bestDuring}) in ${recovered} ms; now finalized #${await finalized(alice())}`);
      await start('dave');
    }, { timeoutMs: 360_000 });

    test('a node restarted from its database resumes at its height with the same state', async () => {
      const ferdie = keyring.addFromUri('//Ferdie');
      const hash = blake2AsHex(`faults-${Date.now()}`);
      const { blockHash } = await sendAndWait(alice(), alice().tx.dataOwnership.register(hash,
        { title: 'survey', mediaType: 'text/csv', uri: 'ipfs://survey', schema: null }, null), ferdie);
      const registeredAt = (await alice().rpc.chain.getHeader(blockHash)).number.toNumber();
      await waitFor(async () => (await best(nodes.bob.api)) >= registeredAt, { ms: 60_000, what: 'Bob to import the record' });
      const before = await best(nodes.bob.api);
      await stop('bob');
      const t0 = Date.now();
      await start('bob');
      const resumedAt = await best(nodes.bob.api);
      console.log(`       Bob stopped at #${before}, resumed from his database at #${resumedAt} (RPC up ${Date.now() - t0} ms after start)`);
      assert(resumedAt >= before, `resumes at or after #${before}, got #${resumedAt}`);
      const record = await nodes.bob.api.query.dataOwnership.records(hash);
      assert(record.isSome, 'the record registered before the restart is there');
      assertEq(record.unwrap().owner.toString(), nodes.bob.api.createType('AccountId', ferdie.address).toString(), 'same owner');
      await waitFor(async () => (await best(nodes.bob.api)) > before + 1, { ms: 60_000, what: 'Bob to follow the chain again' });
    }, { timeoutMs: 180_000 });

    test('a node cut off the network falls behind; healed, it catches up', async () => {
      const dave = nodes.dave;
      const cut = () => (namespaced ? ip('link', 'set', 'pf0', 'down') : dave.proc.kill('SIGSTOP'));
      const heal = () => (namespaced ? ip('link', 'set', 'pf0', 'up') : dave.proc.kill('SIGCONT'));
      const before = await best(dave.api);
      cut();
      const t0 = Date.now();
      try {
        // The rest (3 of 4) go on finalizing; Dave, alone in his namespace, stays where he was.
        const f0 = await finalized(alice());
        await waitFor(async () => (await finalized(alice())) >= f0 + 3, { ms: 90_000, what: 'finality without Dave' });
        const daveNow = namespaced ? daveBestInside(dave.rpcPort) : null;
        const f1 = await finalized(alice());
        console.log(`       Dave cut off at #${before}: after ${Date.now() - t0} ms the rest finalized #${f0} -> #${f1}` +
          (daveNow === null ? '' : `; Dave, seen from inside his namespace, is at #${daveNow}`));
        if (daveNow !== null) assert(daveNow <= before + 1, `Dave does not follow the chain while cut off (at #${daveNow})`);
      } finally {
        heal();
      }
      const target = await best(alice());
      const t1 = Date.now();
      await waitFor(async () => (await best(dave.api)) >= target, { ms: 150_000, what: `Dave to catch up to #${target}` });
      await waitFor(async () => (await dave.api.rpc.system.health()).peers.toNumber() >= 3, { ms: 60_000, what: 'Dave to see all three again' });
      console.log(`       healed: Dave caught up to #${target} in ${Date.now() - t1} ms, peers ${(await dave.api.rpc.system.health()).peers.toNumber()}`);
    }, { timeoutMs: 360_000 });

    return await runTests({});
  } finally {
    for (const name of names) {
      if (nodes[name]) {
        await nodes[name].api.disconnect().catch(() => {});
        await nodes[name].stop();
      }
    }
    if (namespaced) tearDownNamespace();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
