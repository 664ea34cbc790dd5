// Polity end-to-end tests: real polity-node processes, driven by @polkadot/api.
//
//   node run.mjs                 all suites
//   node run.mjs dev             only suites whose name contains "dev"
//
// Prints one line per test and ends with `N passed, N failed`.

import fs from 'node:fs';
import { nodeBinary, logDir } from './lib/node.mjs';

const suites = [
  ['dev', () => import('./suites/dev.mjs')],
  ['local-testnet', () => import('./suites/local-testnet.mjs')],
  ['voting', () => import('./suites/voting.mjs')],
  ['data', () => import('./suites/data.mjs')],
  ['supervision', () => import('./suites/supervision.mjs')],
  ['apps', () => import('./suites/apps.mjs')],
  ['docker', () => import('./suites/docker.mjs')],
  ['faults', () => import('./suites/faults.mjs')],
  ['zombienet', () => import('./suites/zombienet.mjs')],
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

for (const [name, load] of suites) {
  if (only && !name.includes(only)) continue;
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
