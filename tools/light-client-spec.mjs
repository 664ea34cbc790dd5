#!/usr/bin/env node
// Writes the raw chain spec a light client (the portal's smoldot) starts from: the network's raw
// spec with boot nodes a browser can dial (WebSocket multiaddrs with a peer id), checked for
// what smoldot needs. The spec's genesis is the light client's trust root.
//
//   node tools/light-client-spec.mjs --spec RAW.json --bootnode /ip4/127.0.0.1/tcp/30334/ws/p2p/12D3… [--bootnode …] --out FILE
//
// Exits 2 with the reason when the spec or a boot node would not work in a browser.
import fs from 'node:fs';

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  console.log('usage: node tools/light-client-spec.mjs --spec RAW.json --bootnode MULTIADDR [--bootnode …] --out FILE');
  process.exit(0);
}
const all = (name) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]] : []));
const one = (name) => all(name)[0];
const fail = (why) => { console.error(`light-client-spec: ${why}`); process.exit(2); };

const specPath = one('spec');
const out = one('out');
const bootnodes = all('bootnode');
if (!specPath || !out || bootnodes.length === 0) fail('needs --spec, --out and at least one --bootnode (-h for usage)');

let spec;
try {
  spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
} catch (e) {
  fail(`cannot read ${specPath}: ${e.message}`);
}
if (!spec?.genesis?.raw?.top) fail(`${specPath} is not a raw chain spec: export it with --raw`);
const children = spec.genesis.raw.childrenDefault ?? {};
if (Object.keys(children).length) fail('the genesis has child tries: a light client cannot start from it');
for (const addr of bootnodes) {
  if (!/\/(ws|wss|tls\/ws)\//.test(`${addr}/`) || !/\/p2p\/12D3Koo[1-9A-HJ-NP-Za-km-z]{40,}$/.test(addr)) {
    fail(`boot node ${addr} is not a WebSocket multiaddr ending in /p2p/<peer id>: a browser cannot dial it`);
  }
}
spec.bootNodes = bootnodes;
delete spec.protocolId; // unused by light clients (smoldot warns about it)
fs.writeFileSync(out, JSON.stringify(spec));
console.log(`light-client spec for ${spec.name} (${spec.id}) with ${bootnodes.length} boot node(s): ${out}`);
