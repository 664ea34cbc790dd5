// Regulator: an account's audit trail as a timeline; active freezes, pauses and safe mode; open
// motions to approve.

import { useState } from 'preact/hooks';
import { chain, num, read } from '../chain.js';
import { current, samePublicKey, label } from '../accounts.js';
import { useSignal } from '../store.js';
import { html, useChainData, Feedback, Who } from '../ui.js';
import { t } from '../i18n.js';
import { submit } from '../tx.js';

/** A firewall action in words: its kind and its fields. */
export function describeAction(action) {
  const [kind, body] = typeof action === 'string' ? [action, {}] : Object.entries(action)[0];
  const parts = Object.entries(body ?? {}).map(([k, v]) => `${k} ${k === 'who' ? label(String(v)) : typeof v === 'object' ? JSON.stringify(v) : v}`);
  return `${kind}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

async function timeline(who) {
  const trail = await read('supervision_auditTrail', [who, 100]);
  const events = [];
  for (const m of trail.stakeholder?.memberships ?? []) events.push({ at: m.since, kind: 'member', text: `${t('cit.scope')} #${m.scope}: ${t('cit.stake', { n: m.stake })}` });
  const proposals = await Promise.all(trail.proposals.map((i) => read('stakeholderVoting_proposal', [i])));
  for (const p of proposals.filter(Boolean)) events.push({ at: p.submitted, kind: 'proposal', text: `${t('r.proposed', { n: p.index })}: ${p.title}`, href: `#/proposal/${p.index}` });
  const voted = await Promise.all(trail.votes.map(async ([i, v]) => ({ i, v, p: await read('stakeholderVoting_proposal', [i]) })));
    // A vote record keeps no block: the vote is dated by the window it was cast in, never a
  // single block it may not have been cast at.
  for (const { i, v, p } of voted) events.push({ at: p?.submitted ?? 0, when: p ? `#${p.submitted}–#${p.end}` : '?', kind: 'vote', text: t('r.voted', { n: i, choice: t(`p.vote.${v.choice}`) }), href: `#/proposal/${i}` });
  const records = await Promise.all(trail.records.map((h) => read('dataOwnership_record', [h])));
  for (const r of records.filter(Boolean)) events.push({ at: r.registeredAt, kind: 'record', text: `${t('r.record', { hash: `${r.hash.slice(0, 14)}…` })}: ${r.title}` });
  for (const a of trail.actions) {
    events.push({ at: a.executedAt, kind: 'action', text: t('r.action', { id: a.id, what: describeAction(a.action), reason: a.reason }) + (a.overturnedAt != null ? ` — ${t('r.overturned', { at: a.overturnedAt })}` : '') });
  }
  if (trail.freeze) events.push({ at: trail.freeze.since, kind: 'freeze', text: t('r.frozen', { until: trail.freeze.until }) });
  events.sort((a, b) => b.at - a.at);
  return { trail, events };
}

function Trail({ who }) {
  const { value, error } = useChainData(() => timeline(who), [who]);
  if (error && !value) return html`<p class="feedback error">${error.message}</p>`;
  if (!value) return html`<p class="loading">…</p>`;
  const { trail, events } = value;
  return html`<section data-testid="audit-trail">
    <h2>${t('r.trail', { who: '' })}<${Who} address=${trail.account} /></h2>
    <p>${trail.isRegulator ? html`<span class="chip">${t('r.regulator')}</span> ` : null}
      ${trail.stakeholder ? t('r.stakeholder', { sector: t(`sector.${trail.stakeholder.sector}`), status: t(`status.${trail.stakeholder.status}`) }) : t('cit.notStakeholder')}
      ${' · '}<strong data-testid="freeze-state">${trail.freeze ? t('r.frozen', { until: trail.freeze.until }) : t('r.notFrozen')}</strong></p>
    <ol class="timeline" data-testid="timeline">${events.map((e) => html`<li class=${e.kind} data-kind=${e.kind}><span class="at" title=${e.when ? t('r.voteWindow') : ''}>${e.when ?? `#${e.at}`}</span> ${e.href ? html`<a href=${e.href}>${e.text}</a>` : e.text}</li>`)}</ol>
  </section>`;
}

function Motions() {
  const me = useSignal(current);
  const [status, setStatus] = useState(null);
  const { value } = useChainData(async () => {
    const api = chain.api;
    const entries = await api.query.regulatoryNodes.motions.entries();
    const threshold = num(await api.query.regulatoryNodes.threshold());
    return { threshold, motions: entries.map(([k, v]) => ({ id: num(k.args[0]), ...v.unwrap().toJSON(), human: v.unwrap().toHuman() })).sort((a, b) => a.id - b.id) };
  }, []);
  const approve = async (id) => {
    try { await submit(chain.api.tx.regulatoryNodes.approve(id), setStatus); } catch (_) { /* in words */ }
  };
  return html`<section><h2>${t('r.motions')}</h2>
    ${value?.motions.length ? html`<ul data-testid="motions">${value.motions.map((m) => html`<li>
      #${m.id} ${describeAction(m.human.action)} — ${m.human.reason} <small>${t('r.approvals', { n: m.approvals.length, threshold: value.threshold })}</small>
      <button data-testid=${`approve-${m.id}`} onClick=${() => approve(m.id)} disabled=${m.approvals.some((a) => samePublicKey(a, me))}>${t('r.approve')}</button></li>`)}</ul>` : html`<p>${t('r.none')}</p>`}
    <${Feedback} status=${status} />
  </section>`;
}

function Restrictions() {
  const { value } = useChainData(async () => ({
    freezes: await read('supervision_freezes', [null, 100]),
    pauses: await read('supervision_pauses', []),
  }), []);
  if (!value) return null;
  return html`<section><h2>${t('r.freezes')}</h2>
      ${value.freezes.length ? html`<ul data-testid="freezes">${value.freezes.map(([who, f]) => html`<li><a href=${`#/regulator/${who}`}><${Who} address=${who} /></a> ${t('r.frozen', { until: f.until })} <small>${t('r.at', { at: f.since })}</small></li>`)}</ul>` : html`<p>${t('r.none')}</p>`}
    </section>
    <section><h2>${t('r.pauses')}</h2>
      <p data-testid="safe-mode">${value.pauses.safeModeUntil != null ? t('r.safeMode', { until: value.pauses.safeModeUntil }) : t('r.noSafeMode')}</p>
      ${value.pauses.pauses.length ? html`<ul data-testid="pauses">${value.pauses.pauses.map((p) => html`<li>${t('n.pausedCall', { call: `${p.pallet}${p.call ? `.${p.call}` : ''}`, until: p.until })}</li>`)}</ul>` : null}
    </section>`;
}

export function Regulator({ who }) {
  const [input, setInput] = useState(who);
  return html`<div class="page" data-testid="page-regulator">
    <h1>${t('nav.regulator')}</h1>
    <form class="search" onSubmit=${(e) => { e.preventDefault(); location.hash = `#/regulator/${encodeURIComponent(input.trim())}`; }}>
      <label>${t('r.search')}<input name="who" data-testid="audit-account" value=${input} onInput=${(e) => setInput(e.target.value)} placeholder="5…" /></label>
      <button type="submit" data-testid="audit-search">${t('r.find')}</button>
    </form>
    ${who ? html`<${Trail} who=${who} key=${who} />` : null}
    <${Restrictions} />
    <${Motions} />
  </div>`;
}
