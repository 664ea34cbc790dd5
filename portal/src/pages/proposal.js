// A proposal: its text, what it does (decoded), the tally per sector as a picture, quorum
// progress, time left, my vote, voting, and after the close its outcome and enactment.

import { useState } from 'preact/hooks';
import { chain, rpc, decodeCall, statusOf } from '../chain.js';
import { current } from '../accounts.js';
import { useSignal } from '../store.js';
import { html, useChainData, Feedback, heads, duration, Who, percent, Bars } from '../ui.js';
import { t } from '../i18n.js';
import { submit, explainJsonError } from '../tx.js';
import { scopeName } from '../governance-data.js';

const SECTORS = ['government', 'market', 'community'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function Outcome({ p }) {
  const st = statusOf(p.status);
  const enactment = st.enactment;
  return html`<div class="outcome" data-testid="outcome" data-status=${st.kind}>
    <strong>${t(`p.outcome.${st.kind}`, st)}</strong>
    ${enactment === 'Enacted' ? html`<p class="feedback ok" data-testid="enacted">${t('p.enacted')}</p>` : null}
    ${enactment && enactment.EnactmentFailed ? html`<p class="feedback error" data-testid="enactment-failed">${t('p.enactFailed', { error: explainJsonError(enactment.EnactmentFailed.error) })}</p>` : null}
  </div>`;
}

function Tally({ p }) {
  const rows = SECTORS.map((s) => {
    const v = p.tally[s];
    return {
      label: t(`sector.${cap(s)}`),
      parts: [
        { value: v.ayes.weight, cls: 'aye', title: `${t('p.ayes')}: ${v.ayes.weight} (${v.ayes.count})` },
        { value: v.nays.weight, cls: 'nay', title: `${t('p.nays')}: ${v.nays.weight} (${v.nays.count})` },
        { value: v.abstentions.weight, cls: 'abstain', title: `${t('p.abst')}: ${v.abstentions.weight} (${v.abstentions.count})` },
      ],
      text: `${v.ayes.weight} / ${v.nays.weight} / ${v.abstentions.weight}`,
    };
  });
  return html`<figure class="tally">
    <figcaption>${t('p.tally')} <span class="legend"><i class="aye"></i>${t('p.ayes')} <i class="nay"></i>${t('p.nays')} <i class="abstain"></i>${t('p.abst')}</span></figcaption>
    <${Bars} rows=${rows} testid="tally" />
    <p class="counts" data-testid="tally-counts">${SECTORS.map((s) => `${t(`sector.${cap(s)}`)} ${p.tally[s].ayes.count}/${p.tally[s].nays.count}/${p.tally[s].abstentions.count}`).join(' · ')}</p>
  </figure>`;
}

function Quorum({ p }) {
  const pr = p.projected;
  const turnout = Number(pr.turnout);
  const quorum = Number(p.rule.quorum);
  return html`<div class="quorum">
    <${Bars} testid="quorum" max=${1e9} rows=${[{ label: t('p.quorum', { turnout: percent(turnout), quorum: percent(quorum) }), parts: [{ value: turnout, cls: pr.quorumReached ? 'aye' : 'pending' }], mark: quorum, text: percent(turnout) }]} />
    <p>${t('p.approval', { approval: percent(pr.approval), needed: percent(p.rule.approval) })}</p>
    ${typeof p.status === 'string' ? html`<p data-testid="projected">${t('p.projected', { outcome: pr.passes ? t('p.passes') : t('p.fails') })}</p>` : null}
  </div>`;
}

function VotePanel({ p, who, myVote, best }) {
  const [status, setStatus] = useState(null);
  const open = typeof p.status === 'string' && best < p.end;
  const vote = async (choice) => {
    try { await submit(chain.api.tx.stakeholderVoting.vote(p.index, choice), setStatus); } catch (_) { /* in words */ }
  };
  const close = async () => {
    try { await submit(chain.api.tx.stakeholderVoting.close(p.index), setStatus); } catch (_) { /* in words */ }
  };
  return html`<section class="vote">
    <h3>${t('p.myVote')}: <span data-testid="my-vote">${myVote ? t(`p.vote.${myVote.choice}`) : t('p.notVoted')}</span></h3>
    ${open ? html`
      ${!myVote ? html`<p class="note">${t('p.free')}</p>` : null}
      <div class="buttons">${['Aye', 'Nay', 'Abstain'].map((c) => html`<button data-testid=${`vote-${c}`} class=${c.toLowerCase()} disabled=${status?.kind === 'pending'} onClick=${() => vote(c)}>${t(`p.vote.${c}`)}</button>`)}</div>` : null}
    ${typeof p.status === 'string' && best >= p.end ? html`<button data-testid="close" onClick=${close} disabled=${status?.kind === 'pending'}>${t('p.close')}</button>` : null}
    <${Feedback} status=${status} />
  </section>`;
}

export function Proposal({ index }) {
  const who = useSignal(current);
  const { best } = useSignal(heads);
  const { value, error } = useChainData(async () => {
    const p = await rpc('stakeholderVoting_proposal', [index]);
    if (!p) return { p: null };
    const mine = who ? await chain.api.query.stakeholderVoting.votes(index, who) : null;
    const myVote = mine && mine.isSome ? mine.unwrap().toJSON() : null;
    return { p, myVote, scope: await scopeName(p.scope) };
  }, [index, who]);
  if (error && !value) return html`<p class="error">${error.message}</p>`;
  if (!value) return html`<p class="loading">…</p>`;
  const { p, myVote, scope } = value;
  if (!p) return html`<p data-testid="proposal-missing">${t('p.notFound', { n: index })}</p>`;
  const call = decodeCall(p.call);
  return html`<article class="page" data-testid="page-proposal">
    <h1 data-testid="proposal-title">${t('p.title', { n: p.index })}: ${p.title}</h1>
    <p class="meta">${t('p.scope')}: <a href=${`#/citizen/${p.scope}`}>${scope}</a> · ${t('p.proposer')}: <${Who} address=${p.proposer} /></p>
    <${Outcome} p=${p} />
    ${p.safeguards && (p.safeguards.minVotingPeriod || p.safeguards.enactmentDelay || p.safeguards.confirmPeriod) ? html`<p class="note" data-testid="safeguards">${t('p.safeguards', { min: p.safeguards.minVotingPeriod, delay: p.safeguards.enactmentDelay, confirm: p.safeguards.confirmPeriod })}${p.passingSince != null ? ` ${t('p.passingSince', { n: p.passingSince })}` : ''}</p>` : null}
    <p data-testid="time-left">${typeof p.status === 'string' && best < p.end ? t('p.timeLeft', { end: p.end, time: duration(p.end - best) }) : t('p.ended', { end: p.end })}</p>
    <section><h2>${t('p.description')}</h2>
      ${p.description != null ? html`<p class="description" data-testid="description">${p.description}</p>` : html`<p class="note">${t('p.noDescription', { hash: p.descriptionHash })}</p>`}
    </section>
    <section><h2>${t('p.call')}</h2>
      ${call ? html`<div class="call" data-testid="call"><code>${call.section}.${call.method}</code><pre>${JSON.stringify(call.args, null, 2)}</pre><small>${call.docs}</small></div>` : html`<p>${t('p.textOnly')}</p>`}
    </section>
    <${Tally} p=${p} />
    <${Quorum} p=${p} />
    <${VotePanel} p=${p} who=${who} myVote=${myVote} best=${best} />
  </article>`;
}
