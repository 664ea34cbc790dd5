#!/usr/bin/env node
// Fails (exit 1) when a wasm module imports anything but wasm-bindgen's glue: the browser's
// receipt verifier must not need a Substrate host function (`env.ext_*`) or any other import.
//   node tools/check-wasm-imports.mjs FILE.wasm
import fs from 'node:fs';

const file = process.argv[2];
if (!file || file === '-h') {
  console.log('usage: node tools/check-wasm-imports.mjs FILE.wasm');
  process.exit(file ? 0 : 2);
}
const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(file)));
const foreign = imports.filter((i) => !/^(\.\/)?[\w-]*_bg\.js$|^__wbindgen|^wbg$/.test(i.module));
if (foreign.length) {
  console.error(`${file} imports what a browser does not give:`);
  for (const i of foreign) console.error(`  ${i.module}.${i.name} (${i.kind})`);
  process.exit(1);
}
console.log(`${file}: ${imports.length} imports, all wasm-bindgen glue (${[...new Set(imports.map((i) => i.module))].join(', ')})`);
