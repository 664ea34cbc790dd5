// The load tool's brief run in CI: transfers, votes and registrations side by side on a dev
// node of its own, 1,500 of each. It reports the numbers (max per block, what limited it,
// sustained rate, finality lag, ratios); it asserts only that the tool works end to end —
// every kind prepared, submitted, included and summarized — not the numbers, which are noise
// at this size and on a shared CI machine. The full run is `scripts/load.sh`. Then the flood:
// votes sent one by one while paid 200 KB remarks and transfers keep blocks full by length must
// each be included within 2 blocks (`--kind flood`).

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, runTests, test } from '../lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.env.POLITY_LOAD_COUNT || 1500);

function loadTool(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, '..', 'load.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

export async function run() {
  test('the load tool runs transfers, votes and registrations side by side and reports them', async () => {
    const { code, out } = await loadTool(['--count', String(COUNT), '--accounts', '150']);
    const summary = out.split('\n').filter((l) => /^(kind |transfer |vote |register |\S+\/s ÷|  \w+: max )/.test(l));
    console.log(summary.map((l) => `       ${l}`).join('\n'));
    assert(code === 0, `load.mjs exited ${code}:\n${out.slice(-2000)}`);
    for (const kind of ['transfer', 'vote', 'register']) {
      const line = out.match(new RegExp(`^  ${kind}: max (\\d+)/block \\(limited by ([^)]+)\\), (\\d+) in (\\d+) blocks`, 'm'));
      assert(line, `no summary for ${kind}`);
      assert(Number(line[3]) === COUNT, `${kind}: ${line[3]} of ${COUNT} included`);
      assert(Number(line[1]) > 0, `${kind}: no block carried any`);
    }
    assert(/^vote\/s ÷ transfers\/s = \d/m.test(out) && /^register\/s ÷ transfers\/s = \d/m.test(out), 'ratios reported');
  }, { timeoutMs: 600_000 });

  test('under a flood of paid 200 KB remarks and transfers, every vote is included within 2 blocks', async () => {
    const { code, out } = await loadTool(['--kind', 'flood', '--count', String(Number(process.env.POLITY_FLOOD_COUNT || 500)), '--accounts', '40']);
    const summary = out.split('\n').filter((l) => /^  (flood:|\d+ blocks)/.test(l));
    console.log(summary.map((l) => `       ${l}`).join('\n'));
    assert(code === 0, `load.mjs --kind flood exited ${code}:\n${out.slice(-2000)}`);
    const line = out.match(/^  flood: (\d+) votes included within (\d+) blocks at worst/m);
    assert(line, `no flood summary:\n${out.slice(-1500)}`);
    assert(Number(line[1]) >= 3, `too few votes measured under the flood (${line[1]})`);
    assert(Number(line[2]) <= 2, `a vote took ${line[2]} blocks under the flood`);
    const full = out.match(/^  \d+ blocks, (\d+) of them ≥ 90 % full by length/m);
    assert(full && Number(full[1]) >= 2, 'the flood filled blocks by length');
  }, { timeoutMs: 600_000 });
  return runTests({});
}
