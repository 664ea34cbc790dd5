// Starts and stops real polity-node processes on free loopback ports.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { waitFor, withTimeout } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');

/** The node binary: $POLITY_NODE, else the release build in the shared target dir. */
export function nodeBinary() {
  if (process.env.POLITY_NODE) return process.env.POLITY_NODE;
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'polity', 'target');
  return path.join(target, 'release', 'polity-node');
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const logDir = process.env.POLITY_E2E_LOGS || path.join(os.tmpdir(), 'polity-e2e-logs');

/**
 * Starts a node. `args` are extra CLI flags; ports are chosen here unless given. `host` is the
 * address its RPC answers on; `command`/`commandArgs` wrap the binary (e.g. `ip netns exec`).
 * Returns { rpcPort, p2pPort, wsUrl, proc, stop(), logFile, peerId? }.
 */
export async function startNode({
  name, args = [], rpcPort, p2pPort, basePath, host = '127.0.0.1', command, commandArgs = [],
} = {}) {
  rpcPort = rpcPort ?? (await freePort());
  p2pPort = p2pPort ?? (await freePort());
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const fullArgs = [
    ...args,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--rpc-cors', 'all',
    ...(basePath ? ['--base-path', basePath] : []),
  ];
  const proc = command
    ? spawn(command, [...commandArgs, ...fullArgs], { stdio: ['ignore', log, log] })
    : spawn(nodeBinary(), fullArgs, { stdio: ['ignore', log, log] });
  let exited = false;
  proc.on('exit', () => { exited = true; });
  const wsUrl = `ws://${host}:${rpcPort}`;
  const node = {
    name, rpcPort, p2pPort, wsUrl, proc, logFile, args: fullArgs,
    get exited() { return exited; },
    async stop({ signal = 'SIGTERM', ms = 20_000 } = {}) {
      if (exited) return;
      const done = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill(signal);
      try {
        await withTimeout(done, ms, `${name} to exit`);
      } catch {
        proc.kill('SIGKILL');
        await withTimeout(done, 5_000, `${name} to die`);
      }
    },
  };
  await waitFor(async () => {
    if (exited) throw new Error(`${name} exited early; see ${logFile}`);
    return rpcAnswers(host, rpcPort);
  }, { ms: 60_000, what: `${name} RPC on ${wsUrl}` }).catch(async (e) => {
    await node.stop();
    throw e;
  });
  return node;
}

async function rpcAnswers(host, port) {
  const res = await fetch(`http://${host}:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
  });
  return res.ok;
}

/** Connects @polkadot/api to a node, failing after `ms`. */
export async function connect(wsUrl, { ms = 30_000, rpc } = {}) {
  const provider = new WsProvider(wsUrl, 1_000, {}, ms);
  const api = await withTimeout(ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true, rpc }), ms, `API on ${wsUrl}`);
  return api;
}

/** The node's libp2p peer id, read over RPC. */
export async function peerIdOf(api) {
  return (await api.rpc.system.localPeerId()).toString();
}
