// Polity's custom RPC definitions, from the same file Polkadot.js Apps users load
// (scripts/polkadotjs/polity.json).

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './node.mjs';

export const polityDefinitions = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'scripts', 'polkadotjs', 'polity.json'), 'utf8'),
);
export const polityRpc = polityDefinitions.rpc;
