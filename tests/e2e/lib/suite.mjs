// Runs a suite's tests against one fresh `--dev` node with Polity's RPC definitions loaded.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { runTests } from './harness.mjs';
import { connect, freePort, startNode } from './node.mjs';
import { polityRpc } from './definitions.mjs';

const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/**
 * Starts a `--dev --tmp` node named `name`, calls `register()` to register the tests, runs them
 * with a context { api, node, keyring, state, alice … ferdie, prometheusUrl? }, and always stops
 * the node. `prometheus: true` opens the node's Prometheus endpoint on a free port.
 */
export async function withDevNode(name, register, { prometheus = false } = {}) {
  await cryptoWaitReady();
  const promPort = prometheus ? await freePort() : undefined;
  const extra = prometheus ? ['--prometheus-port', String(promPort)] : [];
  const node = await startNode({ name, args: ['--dev', '--tmp', ...extra] });
  let api;
  try {
    api = await connect(node.wsUrl, { rpc: polityRpc });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const ctx = { api, node, keyring, state: {} };
    if (prometheus) ctx.prometheusUrl = `http://127.0.0.1:${promPort}`;
    for (const who of DEV_ACCOUNTS) ctx[who.toLowerCase()] = keyring.addFromUri(`//${who}`);
    register();
    return await runTests(ctx);
  } finally {
    if (api) await api.disconnect();
    await node.stop();
  }
}

/** JSON-RPC prints accounts with the generic SS58 prefix: compare public keys. */
export const sameAccount = (a, b) => decodeAddress(a).toString() === decodeAddress(b).toString();
