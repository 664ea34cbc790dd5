// Governance at a glance, read from the chain (no indexer): per scope, the turnout of recent
// proposals, turnout per sector, outcomes, and time from submission to enactment.

import { statusOf } from '../chain.js';
import { html, useChainData, Bars, duration } from '../ui.js';
import { t } from '../i18n.js';
import { allScopes, proposalsIn } from '../governance-data.js';

const SECTORS = ['government', 'market', 'community'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const voters = (side) => side.ayes.count + side.nays.count + side.abstentions.count;

function ScopeCharts({ scope, proposals }) {
  if (!proposals.length) return html`<section><h2>${scope.name}</h2><p>${t('g.noData')}</p></section>`;
  const turnout = proposals.slice(0, 12).map((p) => ({
    label: `#${p.index}`,
    parts: [{ value: Number(p.projected.turnout) / 1e7, cls: p.projected.passes ? 'aye' : 'nay' }],
    mark: Number(p.rule.quorum) / 1e7,
    text: `${(Number(p.projected.turnout) / 1e7).toFixed(0)}%`,
  }));
  const sectors = SECTORS.map((s) => {
    const members = proposals.reduce((a, p) => a + p.electorate[s].members, 0);
    const cast = proposals.reduce((a, p) => a + voters(p.tally[s]), 0);
    const pct = members ? (100 * cast) / members : 0;
    return { label: t(`sector.${cap(s)}`), parts: [{ value: pct, cls: s }], text: `${pct.toFixed(0)}%` };
  });
  const kinds = proposals.map((p) => statusOf(p.status).kind);
  const passed = kinds.filter((k) => ['Approved', 'Held', 'AwaitingEnactment', 'Scheduled'].includes(k)).length;
  const open = kinds.filter((k) => k === 'Ongoing').length;
  const failed = kinds.length - passed - open;
  const enacted = proposals.map((p) => ({ p, s: statusOf(p.status) })).filter(({ s }) => s.kind === 'Approved' && s.enactment === 'Enacted');
  const enactRows = enacted.slice(0, 12).map(({ p, s }) => ({ label: `#${p.index}`, parts: [{ value: s.at - p.submitted, cls: 'aye' }], text: t('g.blocks', { n: s.at - p.submitted, time: duration(s.at - p.submitted) }) }));
  return html`<section class="scope-charts" data-testid=${`charts-${scope.id}`}>
    <h2>${scope.name}</h2>
    <div class="grid">
      <figure><figcaption>${t('g.turnout', { scope: scope.name })}</figcaption><${Bars} rows=${turnout} max=${100} testid=${`turnout-${scope.id}`} /></figure>
      <figure><figcaption>${t('g.sectorTurnout', { scope: scope.name })}</figcaption><${Bars} rows=${sectors} max=${100} testid=${`sector-turnout-${scope.id}`} /></figure>
      <figure><figcaption>${t('g.outcomes')}</figcaption><${Bars} testid=${`outcomes-${scope.id}`} rows=${[
        { label: t('g.passed'), parts: [{ value: passed, cls: 'aye' }] },
        { label: t('g.failed'), parts: [{ value: failed, cls: 'nay' }] },
        { label: t('g.open'), parts: [{ value: open, cls: 'pending' }] },
      ]} /></figure>
      <figure><figcaption>${t('g.enactTime')}</figcaption>${enactRows.length ? html`<${Bars} rows=${enactRows} testid=${`enactment-${scope.id}`} />` : html`<p>${t('g.noData')}</p>`}</figure>
    </div>
  </section>`;
}

export function Governance() {
  const { value } = useChainData(async () => {
    const scopes = await allScopes();
    return Promise.all(scopes.map(async (scope) => ({ scope, proposals: (await proposalsIn(scope.id, 'Any', null, 50)).items })));
  }, [], { everyBlock: false });
  return html`<div class="page" data-testid="page-governance">
    <h1>${t('g.title')}</h1>
    ${value ? value.map(({ scope, proposals }) => html`<${ScopeCharts} scope=${scope} proposals=${proposals} />`) : html`<p class="loading">…</p>`}
  </div>`;
}
