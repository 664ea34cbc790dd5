// Serves the built portal (dist/) on http://HOST:PORT. No dependencies: Node's http module.
//   node serve.mjs [--port 8080] [--host 127.0.0.1] [--node ws://127.0.0.1:9944]
// `--node` is the node URL the printed link points the portal at (the portal also takes
// `?rpc=` in its own address).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
if (args.includes('-h') || args.includes('--help')) {
  console.log('usage: node serve.mjs [--port 8080] [--host 127.0.0.1] [--node ws://127.0.0.1:9944]');
  process.exit(0);
}
const port = Number(flag('port', process.env.PORTAL_PORT || 8080));
const host = flag('host', '127.0.0.1');
const nodeUrl = flag('node', 'ws://127.0.0.1:9944');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist');
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`no portal build in ${root}: run \`npm run build\` in portal/ first (scripts/run-dev.sh does)`);
  process.exit(1);
}
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
  fs.createReadStream(file).pipe(res);
}).listen(port, host, () => {
  console.log(`Polity portal: http://${host}:${port}/?rpc=${encodeURIComponent(nodeUrl)}`);
});
