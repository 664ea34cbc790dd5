// Starts and stops real polity-node processes on free loopback ports.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { sleep, withTimeout } from './harness.mjs';

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

/** Whether nobody listens on loopback `port` right now. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A base port below 60,000 such that base + each of `offsets` is free right now. */
export async function freePortBase(offsets) {
  const top = Math.max(0, ...offsets);
  for (;;) {
    const base = await freePort();
    if (base + top > 60_000) continue;
    const free = await Promise.all(offsets.map((i) => portIsFree(base + i)));
    if (free.every(Boolean)) return base;
  }
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
  // A slot first: the start (database, genesis, runtime compilation) is what loads the machine.
  const release = await acquireStartSlot(name);
  rpcPort = rpcPort ?? (await freePort());
  p2pPort = p2pPort ?? (await freePort());
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const fullArgs = [
    ...args,
    '--rpc-port', String(rpcPort),
    // A suite that names its own listen addresses (e.g. a WebSocket one) keeps TCP on p2pPort too.
    ...(args.includes('--listen-addr') ? ['--listen-addr', `/ip4/${host}/tcp/${p2pPort}`] : ['--port', String(p2pPort)]),
    // Prometheus only where a suite asks for it (its own `--prometheus-port`).
    ...(args.includes('--prometheus-port') ? [] : ['--no-prometheus']),
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
  try {
    await waitWhileProgressing(node, () => rpcAnswers(host, rpcPort), `${name} RPC on ${wsUrl}`);
  } catch (e) {
    await node.stop();
    throw e;
  } finally {
    release();
  }
  return node;
}

/**
 * Waits until `check` answers truthy while the node lives and its log grows. Fails when the
 * process exits, when its log has not grown for `stallMs` (a hung start), or after `overallMs`
 * in all: a slow machine gets the time it needs, a broken start fails fast.
 */
export async function waitWhileProgressing(node, check, what, {
  stallMs = Number(process.env.POLITY_E2E_STALL_MS || 180_000),
  overallMs = Number(process.env.POLITY_E2E_START_MS || 900_000),
} = {}) {
  const started = Date.now();
  let lastSize = -1;
  let lastGrowth = Date.now();
  let lastError;
  for (;;) {
    if (node.exited) throw new Error(`${node.name} exited early; see ${node.logFile}`);
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e;
    }
    let size = 0;
    try { size = fs.statSync(node.logFile).size; } catch { /* not written yet */ }
    if (size !== lastSize) { lastSize = size; lastGrowth = Date.now(); }
    const now = Date.now();
    if (now - lastGrowth > stallMs) {
      throw new Error(`${what}: the node's log has not grown for ${stallMs} ms; see ${node.logFile}`
        + `${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    if (now - started > overallMs) {
      throw new Error(`timed out after ${overallMs} ms waiting for ${what}; see ${node.logFile}`);
    }
    await sleep(250);
  }
}

/**
 * How many nodes may be starting at once on this machine, across every suite process: a start
 * is CPU-bound (database, genesis, runtime compilation), so more than the cores only slows all
 * of them. `POLITY_E2E_STARTS` overrides it.
 */
const START_SLOTS = Math.max(1, Number(process.env.POLITY_E2E_STARTS || os.cpus().length));
const slotDir = path.join(logDir, '.start-slots');

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/** Takes one of the machine's start slots (a directory made atomically); returns its release. */
async function acquireStartSlot(name) {
  fs.mkdirSync(slotDir, { recursive: true });
  const waitingSince = Date.now();
  let told = false;
  for (;;) {
    for (let i = 0; i < START_SLOTS; i++) {
      const slot = path.join(slotDir, String(i));
      try {
        fs.mkdirSync(slot);
        fs.writeFileSync(path.join(slot, 'pid'), String(process.pid));
        return () => fs.rmSync(slot, { recursive: true, force: true });
      } catch (e) {
        if (e.code !== 'EEXIST') throw e;
        // A slot whose holder died is free again.
        let holder = 0;
        try { holder = Number(fs.readFileSync(path.join(slot, 'pid'), 'utf8')); } catch { /* being written */ }
        const age = Date.now() - fs.statSync(slot, { throwIfNoEntry: false })?.mtimeMs;
        if (holder && !alive(holder)) fs.rmSync(slot, { recursive: true, force: true });
        else if (!holder && age > 5_000) fs.rmSync(slot, { recursive: true, force: true });
      }
    }
    if (!told && Date.now() - waitingSince > 5_000) {
      console.log(`# ${name}: waiting for one of ${START_SLOTS} node start slots`);
      told = true;
    }
    await sleep(200);
  }
}

/** Posts one JSON-RPC request to a node's HTTP endpoint; resolves with the raw HTTP response. */
function rpcPost(host, port, method, params) {
  return fetch(`http://${host}:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
}

async function rpcAnswers(host, port) {
  return (await rpcPost(host, port, 'system_health', [])).ok;
}

/** Calls `method` on the node as plain JSON-RPC (no @polkadot/api decoding); throws the node's error. */
export async function rpcCall(node, method, params = []) {
  const answer = await (await rpcPost('127.0.0.1', node.rpcPort, method, params)).json();
  if (answer.error) throw new Error(`${method}(${JSON.stringify(params)}): ${JSON.stringify(answer.error)}`);
  return answer.result;
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

/** The value of metric `name` (whatever its labels, e.g. `chain`) on the node's Prometheus endpoint at `url`. */
export async function metric(url, name) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) throw new Error(`${name} not on ${url}/metrics`);
  return Number(line.trim().split(' ').pop());
}

/** Builds the portal into `outDir` (default portal/dist), first the receipt verifier it imports if missing. */
export function buildPortal(outDir) {
  const portalDir = path.join(repoRoot, 'portal');
  if (!fs.existsSync(path.join(portalDir, 'src', 'verifier', 'polity_receipt_wasm.js'))) {
    execFileSync(path.join(repoRoot, 'scripts', 'build-verifier.sh'), { stdio: 'inherit' });
  }
  const args = ['run', 'build', '--silent', '--', '--logLevel', 'error', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])];
  execFileSync('npm', args, { cwd: portalDir, stdio: 'pipe' });
}
