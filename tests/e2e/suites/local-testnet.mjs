// `--chain local`: three of the four genesis validators on loopback reach finality (3 of 4 is
// more than two thirds), and the chain has no sudo key.

import { assert, assertEq, runTests, test, waitFor } from '../lib/harness.mjs';
import { connect, peerIdOf, startNode } from '../lib/node.mjs';

/** Starts `names` as validators of `--chain local`, each bootstrapping from the first. */
export async function startLocalValidators(names, extraArgs = []) {
  const nodes = [];
  try {
    for (const [i, name] of names.entries()) {
      const args = ['--chain', 'local', `--${name}`, '--validator', '--tmp',
        '--node-key', (i + 1).toString(16).padStart(64, '0'), ...extraArgs];
      if (nodes.length > 0) {
        args.push('--bootnodes', `/ip4/127.0.0.1/tcp/${nodes[0].p2pPort}/p2p/${nodes[0].peerId}`);
      }
      const node = await startNode({ name: `local-${name}`, args });
      nodes.push(node);
      const api = await connect(node.wsUrl);
      node.peerId = await peerIdOf(api);
      node.api = api;
    }
    return nodes;
  } catch (e) {
    await stopAll(nodes);
    throw e;
  }
}

export async function stopAll(nodes) {
  for (const node of nodes) {
    if (node.api) await node.api.disconnect().catch(() => {});
    await node.stop();
  }
}

export async function run() {
  const nodes = await startLocalValidators(['alice', 'bob', 'charlie']);
  try {
    test('three of four validators connect, author and finalize', async () => {
      await waitFor(async () => {
        const peers = await Promise.all(nodes.map(async (n) => (await n.api.rpc.system.health()).peers.toNumber()));
        return peers.every((p) => p >= 2);
      }, { ms: 60_000, what: 'every node to see both others' });
      const t0 = Date.now();
      const finalized = await waitFor(async () => {
        const heights = await Promise.all(nodes.map(async (n) =>
          (await n.api.rpc.chain.getHeader(await n.api.rpc.chain.getFinalizedHead())).number.toNumber()));
        return heights.every((h) => h >= 3) ? heights : null;
      }, { ms: 120_000, what: 'finalized height 3 on every node' });
      const best = await Promise.all(nodes.map(async (n) => (await n.api.rpc.chain.getHeader()).number.toNumber()));
      console.log(`       finalized ${finalized.join('/')} best ${best.join('/')} after ${Date.now() - t0} ms`);
      // Blocks come from more than one author: Aura gives slot s to authority s mod n.
      const api = nodes[0].api;
      const authorities = await api.query.aura.authorities();
      const authors = new Set();
      const head = (await api.rpc.chain.getHeader()).number.toNumber();
      for (let n = 1; n <= head; n++) {
        const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
        const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
        if (!preRuntime) continue;
        const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
        authors.add(authorities[Number(slot % BigInt(authorities.length))].toString());
      }
      assert(authors.size >= 2, `blocks by at least two validators, saw ${authors.size}`);
    }, { timeoutMs: 240_000 });

    test('the local testnet has no sudo key', async () => {
      const key = await nodes[0].api.query.sudo.key();
      assert(key.isNone, `sudo key is none, got ${key.toString()}`);
      assertEq((await nodes[0].api.rpc.system.chain()).toString(), 'Polity Local Testnet', 'chain name');
    });

    return await runTests({});
  } finally {
    await stopAll(nodes);
  }
}
