// Network: validators, regulators, licensed nodes, heights, and each pallet's pause state.

import { base58Encode } from '@polkadot/util-crypto';
import { hexToU8a } from '@polkadot/util';
import { chain, read } from '../chain.js';
import { useSignal } from '../store.js';
import { html, useChainData, heads, Who } from '../ui.js';
import { t } from '../i18n.js';

const peerId = (bytes) => base58Encode(typeof bytes === 'string' ? hexToU8a(bytes) : Uint8Array.from(bytes));

export function Network() {
  const { best, finalized } = useSignal(heads);
  const { value } = useChainData(async () => ({
    validators: await read('supervision_validators', []),
    regulators: await read('supervision_regulators', []),
    nodes: await read('supervision_licensedNodes', []),
    pauses: await read('supervision_pauses', []),
  }), []);
  const pallets = chain.api.runtimeMetadata.asLatest.pallets.filter((p) => p.calls.isSome).map((p) => p.name.toString());
  return html`<div class="page" data-testid="page-network">
    <h1>${t('nav.network')}</h1>
    <p data-testid="heights">${t('n.heights', { best, finalized })}</p>
    ${value ? html`
      <section><h2>${t('n.validators')}</h2><ul data-testid="validators">${value.validators.active.map((v) => html`<li><${Who} address=${v} /></li>`)}</ul></section>
      <section><h2>${t('n.regulators')}</h2><ul data-testid="regulators">${value.regulators.map((r) => html`<li><a href=${`#/regulator/${r.account}`}><${Who} address=${r.account} /></a> <small>${r.scopes ? r.scopes.map((s) => `#${s}`).join(', ') : t('n.all')}</small></li>`)}</ul></section>
      <section><h2>${t('n.licensed')}</h2><ul data-testid="licensed">${value.nodes.map((n) => html`<li><code>${peerId(n)}</code></li>`)}</ul></section>
      <section><h2>${t('n.pallets')}</h2>
        <p>${value.pauses.safeModeUntil != null ? t('r.safeMode', { until: value.pauses.safeModeUntil }) : t('r.noSafeMode')}</p>
        <ul class="pallets" data-testid="pallets">${pallets.map((name) => {
          const paused = value.pauses.pauses.filter((p) => p.pallet === name);
          return html`<li class=${paused.length ? 'paused' : 'running'}>${name}: ${paused.length ? paused.map((p) => t('n.pausedCall', { call: p.call ?? '*', until: p.until })).join(', ') : t('n.running')}</li>`;
        })}</ul>
      </section>` : html`<p class="loading">…</p>`}
  </div>`;
}
