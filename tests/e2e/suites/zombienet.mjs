// The zombienet smoke test (`zombienet/smoke.zndsl`, native provider): four validators and the
// regulators' supervision node, checked by zombienet's own assertions and a js-script that votes
// on one node and reads the vote over the regulator RPC on another.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assert, runTests, test } from '../lib/harness.mjs';
import { freePortBase, logDir, nodeBinary, repoRoot } from '../lib/node.mjs';

/** A base port with base+1..base+4 (RPC) and base+10..base+14 (p2p) free. */
const rpcBase = () => freePortBase([1, 2, 3, 4, 10, 11, 12, 13, 14]);

export async function run() {
  const zombienet = path.join(repoRoot, 'zombienet', 'node_modules', '.bin', 'zombienet');
  /** One zombienet run; returns its exit code and the assertions that failed. */
  async function smoke(attempt) {
    const base = await rpcBase();
    fs.mkdirSync(logDir, { recursive: true });
    const logFile = path.join(logDir, `zombienet-smoke${attempt > 1 ? `-${attempt}` : ''}.log`);
    const started = Date.now();
    const code = await new Promise((resolve) => {
      const proc = spawn(zombienet, ['-p', 'native', '-l', 'text', 'test', path.join(repoRoot, 'zombienet', 'smoke.zndsl')], {
        cwd: path.join(repoRoot, 'zombienet'),
        env: { ...process.env, POLITY_NODE: nodeBinary(), POLITY_ROOT: repoRoot, POLITY_RPC_BASE: String(base) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = fs.createWriteStream(logFile);
      proc.stdout.pipe(out);
      proc.stderr.pipe(out);
      // Zombienet exits 0 when stopped: a run that had to be stopped is a failure, whatever
      // its exit code.
      let killed = false;
      const timer = setTimeout(() => { killed = true; proc.kill('SIGTERM'); }, 9 * 60_000);
      proc.on('exit', (c) => { clearTimeout(timer); resolve(killed ? 'stopped after 9 min' : c); });
    });
    // Zombienet logs one line per assertion, and the js-scripts what they saw.
    const strip = (line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim();
    const lines = fs.readFileSync(logFile, 'utf8').split('\n').map(strip);
    for (const line of lines) {
      if (/✅|❌|lag over|voted|audit trail/.test(line)) console.log(`       ${line}`);
    }
    console.log(`       zombienet exited ${code} after ${((Date.now() - started) / 1000).toFixed(0)} s; log ${logFile}`);
    // Zombienet's closing summary line carries the same mark; only assertion lines count.
    const failed = lines.filter((l) => l.includes('❌') && !/One or more of your test failed/.test(l));
    return { code, failed };
  }

  test('zombienet -p native test zombienet/smoke.zndsl passes', async () => {
    assert(fs.existsSync(zombienet), `zombienet installed (scripts/setup.sh) at ${zombienet}`);
    let { code, failed } = await smoke(1);
    // Two nodes that start before a reserved peer is up sometimes never dial it again within
    // the run (the network backend's reconnect): only then, one more run on fresh nodes. Any
    // other failed assertion fails at once.
    if (failed.length > 0 && failed.every((l) => /reports peers count/.test(l))) {
      console.log(`       only peer counts failed (${failed.length}): one more run on a fresh network`);
      ({ code, failed } = await smoke(2));
    }
    assert(code === 0, `zombienet test exit code 0, got ${code}`);
    assert(failed.length === 0, `no failed assertion, got: ${failed.join('; ')}`);
  }, { timeoutMs: 20 * 60_000 });
  return runTests({});
}
