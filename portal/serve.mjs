// Serves the built portal (dist/) on http://HOST:PORT. No dependencies: Node's http module.
//   node serve.mjs [--port 8080] [--host 127.0.0.1] [--chain-spec FILE] [--node ws://127.0.0.1:9944] [--dist DIR]
// `--chain-spec` is the network's raw chain spec (its boot nodes with WebSocket addresses), served
// as /chain-spec.json: the page's light client starts from it, and the printed link needs no node.
// Without it the printed link names `--node`, and the page trusts that node (and says so).

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
  console.log('usage: node serve.mjs [--port 8080] [--host 127.0.0.1] [--chain-spec FILE] [--node ws://127.0.0.1:9944] [--dist DIR]');
  console.log('  --chain-spec FILE  raw chain spec served as /chain-spec.json for the light client in the page');
  console.log('  --node URL         the node a page opened with ?rpc= trusts (printed link when no spec)');
  process.exit(0);
}
const port = Number(flag('port', process.env.PORTAL_PORT || 8080));
const host = flag('host', '127.0.0.1');
const nodeUrl = flag('node', 'ws://127.0.0.1:9944');
const chainSpec = flag('chain-spec', null);
if (chainSpec && !fs.existsSync(chainSpec)) {
  console.error(`no chain spec at ${chainSpec}: export one with \`polity-node export-chain-spec --chain … --raw\``);
  process.exit(1);
}
const root = path.resolve(flag('dist', path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist')));
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`no portal build in ${root}: run \`npm run build\` in portal/ first (scripts/run-dev.sh does)`);
  process.exit(1);
}
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
};

// The page signs transactions: no other site may frame it (clickjacking), scripts come only
// from this server (wasm for the crypto), and it connects to whatever node the user names.
const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", "connect-src 'self' ws: wss: http: https:", "worker-src 'self' blob:",
    "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Answers one request; a malformed address gets 400, never a crash. */
function serve(req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('bad request: malformed address\n');
    return;
  }
  if (pathname.includes('\0')) { res.writeHead(400, SECURITY_HEADERS).end(); return; }
  if (pathname === '/chain-spec.json') {
    if (!chainSpec) { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('no chain spec served: start with --chain-spec FILE\n'); return; }
    res.writeHead(200, { 'content-type': types['.json'], 'cache-control': 'no-cache', ...SECURITY_HEADERS });
    fs.createReadStream(chainSpec).on('error', () => res.destroy()).pipe(res);
    return;
  }
  let file = path.normalize(path.join(root, pathname));
  if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403, SECURITY_HEADERS).end(); return; }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  res.writeHead(200, {
    'content-type': types[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
  });
  fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

http.createServer((req, res) => {
  try {
    serve(req, res);
  } catch (e) {
    if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
    res.end();
  }
}).listen(port, host, () => {
  if (chainSpec) {
    console.log(`Polity portal: http://${host}:${port}/ (light client in the page, from ${chainSpec})`);
    console.log(`  trusting a node instead: http://${host}:${port}/?rpc=${encodeURIComponent(nodeUrl)}`);
  } else {
    console.log(`Polity portal: http://${host}:${port}/?rpc=${encodeURIComponent(nodeUrl)} (trusting that node; --chain-spec FILE for the light client)`);
  }
});
