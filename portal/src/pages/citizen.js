// Citizen: my scopes and sectors, what I may vote on, a scope's proposals, proposing.

import { useState } from 'preact/hooks';
import { chain, pol, num, read } from '../chain.js';
import { current } from '../accounts.js';
import { useSignal } from '../store.js';
import { html, useChainData, Feedback, heads, duration } from '../ui.js';
import { t } from '../i18n.js';
import { submit, overLimit } from '../tx.js';
import { allScopes, proposal, proposalsIn, limits, hashText } from '../governance-data.js';

function ProposalLink({ p, extra }) {
  return html`<li><a href=${`#/proposal/${p.index}`} data-testid=${`proposal-${p.index}`}>#${p.index} ${p.title}</a> ${extra}</li>`;
}

function MyScopes({ me, scopes }) {
  if (!me) return html`<p class="note" data-testid="not-stakeholder">${t('cit.notStakeholder')}</p>`;
  return html`<p>${t('cit.sector')}: <strong data-testid="sector">${t(`sector.${me.sector}`)}</strong> · ${t('cit.status')}: ${t(`status.${me.status}`)}</p>
    <ul class="chips">${me.memberships.map((m) => html`<li><a href=${`#/citizen/${m.scope}`}>${scopes.find((s) => s.id === m.scope)?.name ?? m.scope}</a> <small>${t('cit.stake', { n: m.stake })}</small></li>`)}</ul>`;
}

function Ballot({ who }) {
  const { best } = useSignal(heads);
  const { value } = useChainData(async () => {
    const page = await read('stakeholderVoting_ballot', [who, null, 50]);
    return Promise.all(page.items.map(async (item) => ({ ...item, p: await proposal(item.index) })));
  }, [who]);
  if (!value) return null;
  const open = value.filter((i) => !i.vote && i.end > best);
  const voted = value.filter((i) => i.vote);
  return html`<section>
    <h2>${t('cit.toVote')}</h2>
    ${open.length ? html`<ul data-testid="to-vote">${open.map((i) => html`<${ProposalLink} p=${i.p} extra=${html`<small>${t('p.timeLeft', { end: i.end, time: duration(i.end - best) })}</small>`} />`)}</ul>`
      : html`<p data-testid="to-vote-empty">${t('cit.nothingToVote')}</p>`}
    ${voted.length ? html`<h3>${t('cit.voted')}</h3><ul>${voted.map((i) => html`<${ProposalLink} p=${i.p} extra=${html`<small>${t(`p.vote.${i.vote.choice}`)}</small>`} />`)}</ul>` : null}
  </section>`;
}

function ScopeProposals({ scope, scopes }) {
  const [filter, setFilter] = useState('Any');
  const [pages, setPages] = useState([null]);
  const { value } = useChainData(async () => {
    const all = [];
    let next = null;
    for (const before of pages) {
      const page = await proposalsIn(scope, filter, before ?? next, 20);
      all.push(...page.items);
      next = page.next;
      if (next == null) break;
    }
    return { items: all, next };
  }, [scope, filter, pages.length]);
  const name = scopes.find((s) => s.id === scope)?.name ?? scope;
  return html`<section>
    <h2>${t('cit.proposals', { scope: name })}</h2>
    <div class="filters">${['Any', 'Ongoing', 'Passed', 'Rejected', 'Ended'].map((f) => html`<button class=${f === filter ? 'on' : ''} onClick=${() => { setFilter(f); setPages([null]); }}>${t(`cit.filter.${f}`)}</button>`)}</div>
    ${value?.items.length ? html`<ul>${value.items.map((p) => html`<${ProposalLink} p=${p} extra=${html`<small>${typeof p.status === 'string' ? t('p.outcome.Ongoing') : Object.keys(p.status)[0]}</small>`} />`)}</ul>` : html`<p>${t('cit.none')}</p>`}
    ${value?.next != null ? html`<button onClick=${() => setPages([...pages, value.next])}>${t('cit.more')}</button>` : null}
  </section>`;
}

/**
 * My delegation in one scope: to whom, until when, my offer waiting for its delegate's consent,
 * who delegates to me, and the offers made to me (accept or refuse); delegate or stop.
 */
function Delegation({ who, scope, scopes }) {
  const [to, setTo] = useState('');
  const [until, setUntil] = useState('');
  const [status, setStatus] = useState(null);
  const { value } = useChainData(async () => {
    const q = chain.api.query.stakeholderVoting;
    const d = await q.delegations(who, scope);
    const offer = await q.delegationOffers(who, scope);
    const mine = await q.delegators(who, scope);
    // Offers are keyed by delegator: the ones naming me are found by reading them all.
    const incoming = (await q.delegationOffers.entries())
      .filter(([key, o]) => key.args[1].toNumber() === scope && o.unwrap().delegate.toString() === who)
      .map(([key]) => key.args[0].toString());
    return { d: d.isSome ? d.unwrap().toJSON() : null, offer: offer.isSome ? offer.unwrap().toJSON() : null, delegators: mine.length, incoming };
  }, [who, scope, status?.kind]);
  if (!value) return null;
  const name = scopes.find((s) => s.id === scope)?.name ?? scope;
  const send = async (tx) => { try { await submit(tx, setStatus); } catch (_) { /* in words */ } };
  const tx = chain.api.tx.stakeholderVoting;
  return html`<section data-testid="delegation">
    <h2>${t('cit.delegation')}</h2>
    <p data-testid="delegation-state">${value.d
      ? html`${t('cit.delegatesTo', { scope: name, who: '' })}<code>${value.d.delegate}</code> ${value.d.expires != null ? t('cit.until', { n: value.d.expires }) : ''}`
      : t('cit.noDelegation', { scope: name })}</p>
    ${value.offer ? html`<p data-testid="delegation-offer">${t('cit.offered')}<code>${value.offer.delegate}</code></p>` : null}
    ${value.delegators ? html`<p data-testid="my-delegators">${t('cit.delegators', { n: value.delegators })}</p>` : null}
    ${value.incoming.length ? html`<ul data-testid="delegation-offers">${value.incoming.map((from) => html`<li>${t('cit.offerFrom')}<code>${from}</code>
      <button type="button" data-testid="accept-delegation" disabled=${status?.kind === 'pending'} onClick=${() => send(tx.acceptDelegation(scope, from))}>${t('cit.accept')}</button>
      <button type="button" data-testid="reject-delegation" disabled=${status?.kind === 'pending'} onClick=${() => send(tx.rejectDelegation(scope, from))}>${t('cit.refuse')}</button></li>`)}</ul>` : null}
    <form onSubmit=${(e) => { e.preventDefault(); send(tx.delegate(scope, to.trim(), until ? Number(until) : null)); }}>
      <label>${t('cit.delegateTo')}<input name="delegate" value=${to} onInput=${(e) => setTo(e.target.value)} /></label>
      <label>${t('cit.expires')}<input name="expires" inputmode="numeric" value=${until} onInput=${(e) => setUntil(e.target.value)} /></label>
      <button type="submit" data-testid="delegate" disabled=${!to || status?.kind === 'pending'}>${t('cit.delegate')}</button>
      ${value.d || value.offer ? html` <button type="button" data-testid="undelegate" disabled=${status?.kind === 'pending'} onClick=${() => send(tx.undelegate(scope))}>${t('cit.undelegate')}</button>` : null}
    </form>
    <${Feedback} status=${status} />
  </section>`;
}

function ProposeForm({ me, scopes }) {
  const lim = limits();
  const [scope, setScope] = useState(me.memberships[0]?.scope ?? 0);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState(null);
  const c = chain.api.consts;
  const deposit = pol(c.stakeholderVoting.proposalDeposit);
  // The runtime's preimage byte deposit (1 mPOL), which its metadata does not carry.
  const perByte = pol(10n ** BigInt(chain.decimals - 3));
  const problem = overLimit(t('cit.titleField'), title, lim.proposalTitle, { required: true }) || overLimit(t('cit.description'), text, lim.description);
  async function send(e) {
    e.preventDefault();
    if (problem) { setStatus({ kind: 'error', text: problem }); return; }
    const api = chain.api;
    const propose = api.tx.stakeholderVoting.propose(scope, title, text ? hashText(text) : `0x${'00'.repeat(32)}`, null);
    const tx = text ? api.tx.utility.batchAll([api.tx.preimage.notePreimage(text), propose]) : propose;
    try {
      const { events } = await submit(tx, setStatus);
      const ev = events.find(({ event }) => event.section === 'stakeholderVoting' && event.method === 'Proposed');
      if (ev) location.hash = `#/proposal/${num(ev.event.data[0])}`;
    } catch (_) { /* shown in words by submit */ }
  }
  return html`<section>
    <h2>${t('cit.propose')}</h2>
    <form onSubmit=${send} data-testid="propose-form">
      <label>${t('cit.scope')}<select value=${scope} onChange=${(e) => setScope(Number(e.target.value))}>${me.memberships.map((m) => html`<option value=${m.scope}>${scopes.find((s) => s.id === m.scope)?.name ?? m.scope}</option>`)}</select></label>
      <label>${t('cit.titleField')} <small>(≤ ${lim.proposalTitle} B)</small><input name="title" value=${title} onInput=${(e) => setTitle(e.target.value)} /></label>
      <label>${t('cit.description')} <small>(≤ ${lim.description} B)</small><textarea name="description" rows="4" value=${text} onInput=${(e) => setText(e.target.value)} /></label>
      ${problem && title ? html`<p class="feedback error" data-testid="limit-error">${problem}</p>` : null}
      <p class="note">${t('cit.deposit', { deposit, perByte })}</p>
      <button type="submit" disabled=${status?.kind === 'pending'}>${t('cit.submit')}</button>
    </form>
    <${Feedback} status=${status} />
  </section>`;
}

/** Applying to a scope: the account's own signed consent; a scope's vote (or a registrar) admits it. */
function ApplyForm({ scopes }) {
  const [scope, setScope] = useState(String(scopes[0]?.id ?? 0));
  const [sector, setSector] = useState('Community');
  const [stake, setStake] = useState('1');
  const [status, setStatus] = useState(null);
  const deposit = pol(chain.api.consts.stakeholderVoting.applicationDeposit?.toString() ?? 0);
  const apply = async (e) => {
    e.preventDefault();
    const n = Number(stake);
    if (!Number.isInteger(n) || n < 1) { setStatus({ kind: 'error', text: t('cit.applyStake') }); return; }
    try { await submit(chain.api.tx.stakeholderVoting.apply(sector, Number(scope), n), setStatus); } catch (_) { /* in words */ }
  };
  return html`<section><h2>${t('cit.applyTitle')}</h2>
    <form data-testid="apply-form" onSubmit=${apply}>
      <p class="note">${t('cit.applyHow', { deposit })}</p>
      <label>${t('cit.scope')}<select name="scope" value=${scope} onChange=${(e) => setScope(e.target.value)}>
        ${scopes.map((s) => html`<option value=${String(s.id)}>${s.name}</option>`)}</select></label>
      <label>${t('cit.sector')}<select name="sector" value=${sector} onChange=${(e) => setSector(e.target.value)}>
        ${['Government', 'Market', 'Community'].map((x) => html`<option value=${x}>${t(`sector.${x}`)}</option>`)}</select></label>
      <label>${t('cit.applyStakeLabel')}<input name="stake" inputmode="numeric" value=${stake} onInput=${(e) => setStake(e.target.value)} /></label>
      <button type="submit" disabled=${status?.kind === 'pending'}>${t('cit.apply')}</button>
    </form>
    <${Feedback} status=${status} />
  </section>`;
}

export function Citizen({ scope }) {
  const who = useSignal(current);
  const { value } = useChainData(async () => ({
    me: await read('stakeholderVoting_stakeholder', [who]),
    scopes: await allScopes(),
  }), [who], { everyBlock: false });
  if (!value) return html`<p class="loading">…</p>`;
  const { me, scopes } = value;
  return html`<div class="page" data-testid="page-citizen">
    <section><h2>${t('cit.scopes')}</h2><${MyScopes} me=${me} scopes=${scopes} /></section>
    ${me ? html`<${Ballot} who=${who} />` : null}
    ${me && me.memberships.some((m) => m.scope === (scope ?? me.memberships[0]?.scope)) ? html`<${Delegation} who=${who} scope=${scope ?? me.memberships[0].scope} scopes=${scopes} />` : null}
    <${ScopeProposals} scope=${scope ?? me?.memberships[0]?.scope ?? 0} scopes=${scopes} />
    ${me ? html`<${ProposeForm} me=${me} scopes=${scopes} key=${who} />` : who ? html`<${ApplyForm} scopes=${scopes} key=${who} />` : null}
  </div>`;
}
