// docker/ and the deployment files, checked with the real binary: every flag the Dockerfile and
// the compose file pass to polity-node is one `polity-node --help` lists; every path they copy
// or mount exists; every node key in the compose file is licensed in the `local_testnet`
// genesis; each compose node and the image default start; the Kubernetes values use only the
// node chart's values and the zombienet kubernetes config generates its network; and, with
// podman (or docker), the image built from the host binary starts and serves safe RPC as uid
// 1000. Base images cannot be pulled here, so docker/Dockerfile (from source) is not built.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { base58Decode } from '@polkadot/util-crypto';
import { assert, runTests, test } from '../lib/harness.mjs';
import { freePort, nodeBinary, portIsFree, repoRoot } from '../lib/node.mjs';

const read = (p) => fs.readFileSync(path.join(repoRoot, p), 'utf8');
const flagsIn = (text) => [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]))];


/** The image's default command is no development chain: no `--dev`, no unsafe RPC. */
function assertNoDev(cmd) {
  assert(!cmd.includes('--dev'), `default command is not --dev (${cmd.join(' ')})`);
  assert(!cmd.includes('--unsafe-rpc-external') && cmd.includes('safe'), 'default command serves safe RPC only');
}

export async function run() {
  const help = execFileSync(nodeBinary(), ['--help'], { encoding: 'utf8' });
  const known = new Set(flagsIn(help));

  test('every polity-node flag in docker/ is one the node knows', async () => {
    const dockerfile = read('docker/Dockerfile');
    const compose = read('docker/docker-compose.yml');
    // The node's arguments: ENTRYPOINT/CMD of the runtime stage and the compose commands.
    const nodeArgs = [
      ...dockerfile.split('\n').filter((l) => !l.startsWith('#') && (/^(ENTRYPOINT|CMD)/.test(l) || /polity-node --version/.test(l))),
      ...[...compose.matchAll(/command: >\n((?:\s{6}.*\n)+)/g)].map((m) => m[1]),
    ].join('\n');
    const flags = flagsIn(nodeArgs);
    const unknown = flags.filter((f) => !known.has(f));
    assert(unknown.length === 0, `flags polity-node --help does not list: ${unknown.join(' ')}`);
    console.log(`       ${flags.length} flags checked: ${flags.join(' ')}`);
  });

  test('every path docker/ copies or mounts exists', async () => {
    const dockerfile = read('docker/Dockerfile');
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/)).filter((s) => s !== '.');
    const mounts = [...read('docker/docker-compose.yml').matchAll(/"\.\/([^:"]+):/g)].map((m) => path.join('docker', m[1]));
    const missing = [...sources, ...mounts, 'docker/Dockerfile'].filter((p) => !fs.existsSync(path.join(repoRoot, p)));
    assert(missing.length === 0, `missing: ${missing.join(' ')}`);
    console.log(`       ${sources.length + mounts.length + 1} paths exist: ${[...sources, ...mounts].join(' ')}`);
  });

  test('the compose network uses only licensed node keys, and the binary passes the image smoke check', async () => {
    const keys = [...read('docker/docker-compose.yml').matchAll(/--node-key ([0-9a-f]{64})/g)].map((m) => m[1]);
    const spec = JSON.parse(execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'local'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const licensed = spec.genesis.runtimeGenesis.patch.nodeAuthorization.nodes.map(([peer]) => Buffer.from(peer).toString('hex'));
    for (const key of keys) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polity-key-')), 'key');
      fs.writeFileSync(file, key);
      const peerId = execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', file], { encoding: 'utf8' }).trim();
      fs.rmSync(path.dirname(file), { recursive: true });
      const bytes = Buffer.from(base58Decode(peerId)).toString('hex');
      assert(licensed.includes(bytes), `${peerId} (node key …${key.slice(-2)}) is licensed in local_testnet`);
      console.log(`       node key …${key.slice(-2)} -> ${peerId}`);
    }
    assert(keys.length === 5, `five node keys in the compose file, got ${keys.length}`);
    const version = execFileSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).trim();
    assert(/^polity-node /.test(version), `--version answers, got ${version}`);
  });

  test('every compose node and the image default start with their own flags (validators keep RPC local)', async () => {
    const compose = read('docker/docker-compose.yml');
    const commands = [...compose.matchAll(/^  (\w+):\n    <<: \*node\n    command: >\n((?:\s{6}.*\n)+)/gm)]
      .map((m) => [m[1], m[2].trim().split(/\s+/)]);
    const dockerfile = read('docker/Dockerfile');
    const cmd = JSON.parse(dockerfile.match(/^CMD (\[.*\])$/m)[1]);
    commands.push(['image default (CMD)', cmd]);
    assert(commands.length === 6, `five compose nodes and the default, got ${commands.length}`);
    for (const [name, args] of commands) {
      // As the container runs it, minus what only the container network has (peers by DNS name).
      const own = args.filter((a, i) => a !== '--bootnodes' && args[i - 1] !== '--bootnodes');
      const base = fs.mkdtempSync(path.join(os.tmpdir(), 'polity-compose-'));
      const [rpc, p2p, prom] = [await freePort(), await freePort(), await freePort()];
      const out = await startFor(nodeBinary(), [...own, '--base-path', base, '--rpc-port', rpc, '--port', p2p, '--prometheus-port', prom], 20_000, /Running JSON-RPC server/);
      fs.rmSync(base, { recursive: true, force: true });
      assert(!/^Error:/m.test(out.text), `${name} refused to start: ${out.text.match(/^Error:.*$/m)?.[0]}`);
      assert(out.ready, `${name} did not open its RPC server within 20 s:\n${out.text.slice(-600)}`);
      const external = own.includes('--rpc-external');
      const listening = out.text.match(/Running JSON-RPC server: addr=([^\s,]+)/)?.[1] ?? '?';
      if (own.includes('--validator')) assert(!external, `${name}: a validator exposes RPC`);
      if (external) assert(own.includes('--rpc-methods') && own[own.indexOf('--rpc-methods') + 1] === 'safe', `${name}: external RPC without --rpc-methods safe`);
      console.log(`       ${name}: starts; RPC ${listening}${external ? ' (safe methods)' : ''}`);
    }
  }, { timeoutMs: 180_000 });

  // Kubernetes cannot run here: its files are checked as far as the tools here go — the values
  // files against the node chart's own value paths (5.17.0), the zombienet kubernetes config
  // through zombienet's own parser and network-spec generator.
  const fromZombienet = createRequire(path.join(repoRoot, 'zombienet', 'package.json'));

  test('Kubernetes values files set only values the node chart (5.17.0) has', async () => {
    const YAML = fromZombienet('yaml');
    const chart = read('docker/kubernetes/node-chart-5.17.0.paths').split('\n').filter((l) => l && !l.startsWith('#'));
    const chartPaths = new Set(chart);
    // A path is valid if the chart has it, or lies below a value the chart leaves free-form
    // (an empty map or list: resources, annotations, nodeKey, flags…).
    const valid = (p) => chartPaths.has(p) || chart.some((k) => p.startsWith(`${k}.`));
    const leaves = (v, prefix = []) => (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length
      ? Object.entries(v).flatMap(([k, x]) => leaves(x, [...prefix, k])) : [prefix.join('.')]);
    for (const file of ['validator-values.yaml', 'supervision-values.yaml', 'rpc-values.yaml']) {
      const values = YAML.parse(read(`docker/kubernetes/${file}`));
      const paths = leaves(values);
      const unknown = paths.filter((p) => !valid(p));
      assert(unknown.length === 0, `${file}: values the chart does not have: ${unknown.join(', ')}`);
      assert(values.node.command === 'polity-node', `${file} runs polity-node`);
      assert(values.node.allowUnsafeRpcMethods === false, `${file} keeps unsafe RPC methods off`);
      const flags = (values.node.flags || []).map((f) => f.split('=')[0]);
      const unknownFlags = flags.filter((f) => !known.has(f) && !help.includes(f));
      assert(unknownFlags.length === 0, `${file}: flags polity-node does not know: ${unknownFlags.join(', ')}`);
      console.log(`       ${file}: ${paths.length} values, all the chart's`);
    }
  });

  test('zombienet/polity-k8s.toml parses and generates a five-node network spec', async () => {
    // In a child process: zombienet's libraries bring their own @polkadot versions.
    const script = `
      const { readNetworkConfig } = require('@zombienet/utils');
      const { generateNetworkSpec } = require('@zombienet/orchestrator/dist/configGenerator');
      const config = readNetworkConfig('polity-k8s.toml');
      generateNetworkSpec(config).then((spec) => process.stdout.write('SPEC' + JSON.stringify({
        provider: config.settings.provider,
        nodes: spec.relaychain.nodes.map((n) => ({ name: n.name, image: n.image, validator: n.validator, args: n.args })),
      })));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: path.join(repoRoot, 'zombienet'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, POLITY_IMAGE: 'registry.example.org/polity-node:0.1.0' },
    });
    const result = JSON.parse(out.slice(out.indexOf('SPEC') + 4));
    const config = { settings: { provider: result.provider } };
    const spec = { relaychain: { nodes: result.nodes } };
    process.env.POLITY_IMAGE = 'registry.example.org/polity-node:0.1.0';
    assert(config.settings.provider === 'kubernetes', 'kubernetes provider');
    const nodes = spec.relaychain.nodes;
    assert(nodes.length === 5, `five nodes (${nodes.length})`);
    assert(nodes.every((n) => n.image === process.env.POLITY_IMAGE), 'every node runs the Polity image');
    assert(nodes.filter((n) => n.validator).length === 4, 'four validators');
    const args = nodes.flatMap((n) => n.args).filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]);
    const unknown = [...new Set(args)].filter((f) => !known.has(f));
    assert(unknown.length === 0, `flags polity-node does not know: ${unknown.join(', ')}`);
  });

  // The image itself, where an engine runs (setup.sh installs podman): built from the host's
  // binary with scripts/build-image.sh (FROM scratch: no base image to pull here), then started
  // with its default command.
  test('the image builds from the host binary, runs as uid 1000, and its default command serves safe RPC', async () => {
    const engine = ['docker', 'podman'].find((e) => {
      try { execFileSync(e, ['info'], { stdio: 'ignore' }); return true; } catch { return false; }
    });
    assert(engine, 'a container engine runs here (scripts/setup.sh installs podman)');
    const image = 'polity-node:e2e';
    const built = execFileSync('bash', ['scripts/build-image.sh'], {
      cwd: repoRoot, encoding: 'utf8', env: { ...process.env, POLITY_IMAGE: image }, stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    assert(built.endsWith(image), `build-image.sh printed the image (${built})`);
    const config = JSON.parse(execFileSync(engine, ['image', 'inspect', image], { encoding: 'utf8' }))[0].Config;
    assert(config.User === '1000:1000', `runs as uid 1000 (${config.User})`);
    assertNoDev(config.Cmd);
    // Started on the host's network with its default command (ports 9944/30333/9615 must be
    // free); podman here needs runc and lower rlimits (see build-image.sh).
    const free = await Promise.all([9944, 30333, 9615].map(portIsFree));
    assert(free.every(Boolean), 'ports 9944, 30333 and 9615 free for the container');
    const name = `polity-e2e-${process.pid}`;
    const extra = engine === 'podman' ? ['--runtime', 'runc', '--ulimit', 'nofile=10000:10000', '--ulimit', 'nproc=4096:4096'] : [];
    const proc = spawn(engine, ['run', '--rm', '--name', name, '--network', 'host', ...extra, image], { stdio: 'ignore' });
    try {
      const rpc = async (method) => {
        const res = await fetch('http://127.0.0.1:9944', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params: [] }) });
        return res.json();
      };
      const deadline = Date.now() + 60_000;
      let chain;
      while (Date.now() < deadline) {
        try { chain = (await rpc('system_chain')).result; if (chain) break; } catch { /* starting */ }
        await new Promise((r) => setTimeout(r, 1000));
      }
      assert(chain === 'Polity Local Testnet', `the container's node answers system_chain (${chain})`);
      const unsafe = await rpc('author_rotateKeys');
      assert(unsafe.error, 'unsafe methods are refused from outside');
      const uid = execFileSync(engine, ['top', name, 'user'], { encoding: 'utf8' });
      console.log(`       ${engine}: ${image} up, chain "${chain}", author_rotateKeys refused (${unsafe.error.message}); process user: ${uid.trim().split('\n').slice(1).join(' ')}`);
    } finally {
      try { execFileSync(engine, ['stop', '-t', '5', name], { stdio: 'ignore' }); } catch { /* gone */ }
      proc.kill('SIGTERM');
    }
  }, { timeoutMs: 240_000 });

  return runTests({});
}

/** Runs `bin args` until `ready` appears in its output or `ms` pass, then stops it. */
function startFor(bin, args, ms, ready) {
  return new Promise((resolve) => {
    const child = spawn(bin, args.map(String), { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let done = false;
    const finish = (isReady) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGTERM');
      resolve({ text, ready: isReady });
    };
    const timer = setTimeout(() => finish(false), ms);
    const onData = (d) => { text += d; if (ready.test(text)) finish(true); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => finish(ready.test(text)));
  });
}
