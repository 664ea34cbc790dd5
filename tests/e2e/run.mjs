// Polity end-to-end tests: real polity-node processes, driven by @polkadot/api.
//
//   node run.mjs                 all suites: those on their own `--dev` node concurrently (each
//                                in a child process, its output printed when it ends), then the
//                                multi-node suites one after another
//   node run.mjs dev             only suites whose name contains "dev"
//
// Prints one line per test and ends with `N passed, N failed`.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeBinary, logDir, startNode } from './lib/node.mjs';

// Suites on a single `--dev` node of their own: independent, so they run side by side.
// The local testnet's four nodes too: they only wait for blocks most of the time.
const CONCURRENT = ['dev', 'local-testnet', 'voting', 'data', 'supervision', 'apps', 'portal', 'decisions', 'attacks', 'operations', 'refusals', 'light-client'];

/** Runs suite `name` in a child process; resolves with its output and counts. */
function runChild(name) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      const m = out.match(/^(\d+) passed, (\d+) failed$/m);
      const counts = m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 1 };
      if (!m || (code !== 0 && counts.failed === 0)) counts.failed += 1;
      resolve({ name, out, counts, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const suites = [
  ['dev', () => import('./suites/dev.mjs')],
  ['local-testnet', () => import('./suites/local-testnet.mjs')],
  ['voting', () => import('./suites/voting.mjs')],
  ['data', () => import('./suites/data.mjs')],
  ['supervision', () => import('./suites/supervision.mjs')],
  ['apps', () => import('./suites/apps.mjs')],
  ['portal', () => import('./suites/portal.mjs')],
  ['decisions', () => import('./suites/decisions.mjs')],
  // Attack classes replayed on a live node, each refused with its named error.
  ['attacks', () => import('./suites/attacks.mjs')],
  // The runbook (docs/operations.md) on a network made by scripts/new-network.sh.
  ['operations', () => import('./suites/operations.mjs')],
  // Why-refused before signing names what the chain then does.
  ['refusals', () => import('./suites/refusals.mjs')],
  // The portal over its light client only: no node trusted, no Polity RPC called.
  ['light-client', () => import('./suites/light-client.mjs')],
  ['docker', () => import('./suites/docker.mjs')],
  ['faults', () => import('./suites/faults.mjs')],
  ['zombienet', () => import('./suites/zombienet.mjs')],
  // Last, alone: it fills blocks on purpose.
  ['load', () => import('./suites/load.mjs')],
];

const only = process.argv[2];
let passed = 0;
let failed = 0;

if (!fs.existsSync(nodeBinary())) {
  console.log(`polity-node not found at ${nodeBinary()}: build it first (scripts/test.sh does).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`node binary: ${nodeBinary()}\nnode logs:   ${logDir}`);

/**
 * Starts a `--dev` and a `--chain local` node once, one after the other, so that the node's
 * start-up cache (the built-in chains' raw genesis, the compiled runtime) is filled before the
 * suites start their nodes side by side; on a machine that ran them before this takes seconds.
 */
async function warmUp() {
  const started = Date.now();
  for (const [name, args] of [['warm-up-dev', ['--dev', '--tmp']], ['warm-up-local', ['--chain', 'local', '--tmp']]]) {
    const node = await startNode({ name, args });
    await node.stop();
  }
  console.log(`# node start-up cache warm (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (!only) {
  try {
    await warmUp();
  } catch (e) {
    console.log(`# warm-up failed, the suites start cold: ${e.message}`);
  }
  console.log(`\n# suites ${CONCURRENT.join(', ')}: concurrently, each on its own dev node`);
  const results = await Promise.all(CONCURRENT.map(runChild));
  for (const r of results) {
    const body = r.out.split('\n').filter((l) => !/^node (binary|logs):/.test(l) && !/^\d+ passed, \d+ failed$/.test(l));
    console.log(body.join('\n').trimEnd());
    console.log(`# suite ${r.name} took ${r.seconds.toFixed(1)} s (concurrently)`);
    passed += r.counts.passed;
    failed += r.counts.failed;
  }
}

for (const [name, load] of suites) {
  if (only ? !name.includes(only) : CONCURRENT.includes(name)) continue;
  console.log(`\n# suite ${name}`);
  const started = Date.now();
  try {
    const { run } = await load();
    const r = await run();
    passed += r.passed;
    failed += r.failed;
  } catch (e) {
    failed += 1;
    console.log(`FAIL - suite ${name} could not run: ${e && e.stack ? e.stack : e}`);
  }
  console.log(`# suite ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
