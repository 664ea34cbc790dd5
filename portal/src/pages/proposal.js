// A proposal: its text, what it does (decoded), the tally per sector as a picture, quorum
// progress, time left, my vote, voting, and after the close its outcome and enactment.

import { useState } from 'preact/hooks';
import { chain, decodeCall, statusOf, read } from '../chain.js';
import { current } from '../accounts.js';
import { useSignal } from '../store.js';
import { html, useChainData, Feedback, heads, duration, Who, percent, Bars } from '../ui.js';
import { t } from '../i18n.js';
import { refusalOf, submit, explainJsonError } from '../tx.js';
import { scopeName } from '../governance-data.js';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';

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

const CHOICES = ['Aye', 'Nay', 'Abstain'];

/** Where this browser keeps a secret vote's choice and salt until it is revealed. */
/** When voting ends, in words; a secret ballot names its sealing and its reveal phase. */
function timeLeft(p, best) {
  if (typeof p.status !== 'string' || best >= p.end) return t('p.ended', { end: p.end });
  const from = p.secretBallot?.revealFrom;
  if (from == null) return t('p.timeLeft', { end: p.end, time: duration(p.end - best) });
  if (best < from) return t('p.sealTimeLeft', { from, end: p.end, time: duration(from - best) });
  return t('p.revealTimeLeft', { end: p.end, time: duration(p.end - best) });
}

const sealKey = (index, who) => `polity.sealed.${chain.api.genesisHash.toHex()}.${index}.${who}`;
/** A commitment signed but not yet known to be in a block. */
const pendingKey = (index, who) => `polity.sealing.${chain.api.genesisHash.toHex()}.${index}.${who}`;

/** blake2_256(SCALE(index u32, voter, choice, salt)): the pallet's `commitment_of`. */
function commitmentOf(index, who, choice, salt) {
  const idx = new Uint8Array(4);
  new DataView(idx.buffer).setUint32(0, index, true);
  return blake2AsU8a(u8aConcat(idx, decodeAddress(who), new Uint8Array([CHOICES.indexOf(choice)]), salt));
}

/** A secret ballot: commit during voting (the choice and salt stay in this browser), reveal
 *  after it. */
function SecretPanel({ p, who, myVote, committed, best }) {
  const [status, setStatus] = useState(null);
  const ballot = p.secretBallot;
  const sealed = who ? JSON.parse(localStorage.getItem(sealKey(p.index, who))
    || localStorage.getItem(pendingKey(p.index, who)) || 'null') : null;
  const committing = typeof p.status === 'string' && best < ballot.revealFrom;
  const revealing = typeof p.status === 'string' && best >= ballot.revealFrom && best < p.end;
  const commit = async (choice) => {
    const salt = crypto.getRandomValues(new Uint8Array(32));
    const commitment = commitmentOf(p.index, who, choice, salt);
    const entry = JSON.stringify({ choice, salt: u8aToHex(salt) });
    // The salt of the vote already sealed stays until the new commitment is in a block: a
    // commitment that fails or is dropped never loses the vote on chain. The new one waits
    // aside meanwhile, so a page closed right after inclusion can still reveal it.
    localStorage.setItem(pendingKey(p.index, who), entry);
    try {
      await submit(chain.api.tx.stakeholderVoting.commitVote(p.index, commitment), setStatus);
      localStorage.setItem(sealKey(p.index, who), entry);
      localStorage.removeItem(pendingKey(p.index, who));
    } catch (_) { /* in words */ }
  };
  const reveal = async () => {
    const pending = JSON.parse(localStorage.getItem(pendingKey(p.index, who)) || 'null');
    for (const seal of [sealed, pending].filter(Boolean)) {
      try {
        await submit(chain.api.tx.stakeholderVoting.revealVote(p.index, seal.choice, hexToU8a(seal.salt)), setStatus);
        localStorage.removeItem(pendingKey(p.index, who));
        return;
      } catch (_) { /* in words; the other salt may be the one committed */ }
    }
  };
  return html`<section class="vote" data-testid="secret-ballot">
    <h3>${t('p.secret')}</h3>
    <p class="note">${t('p.secretHow', { from: ballot.revealFrom, end: p.end })}</p>
    <p data-testid="sealed-state">${myVote ? t('p.revealed', { choice: t(`p.vote.${myVote.choice}`) })
      : committed ? t('p.committed', { choice: sealed ? t(`p.vote.${sealed.choice}`) : '?' })
      : t('p.notCommitted')}</p>
    ${committing ? html`
      ${!committed ? html`<p class="note">${t('p.free')}</p>` : null}
      <div class="buttons">${CHOICES.map((c) => html`<button data-testid=${`commit-${c}`} class=${c.toLowerCase()} disabled=${status?.kind === 'pending'} onClick=${() => commit(c)}>${t('p.commit', { choice: t(`p.vote.${c}`) })}</button>`)}</div>` : null}
    ${revealing && committed ? (sealed
      ? html`<button data-testid="reveal" disabled=${status?.kind === 'pending'} onClick=${reveal}>${t('p.reveal', { choice: t(`p.vote.${sealed.choice}`) })}</button>`
      : html`<p class="feedback error">${t('p.sealLost')}</p>`) : null}
    <${Feedback} status=${status} />
  </section>`;
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
  // Asked before anything is offered: may this account vote here at all, and is it free?
  const { value: refusal } = useChainData(
    () => (open && who ? refusalOf(who, chain.api.tx.stakeholderVoting.vote(p.index, 'Aye')).catch(() => null) : null),
    [p.index, who, open],
  );
  // Only a missing fee leaves the buttons on: voting is the way to learn it (nothing is signed).
  const barred = refusal && refusal.key !== 'Payment';
  return html`<section class="vote">
    <h3>${t('p.myVote')}: <span data-testid="my-vote">${myVote ? t(`p.vote.${myVote.choice}`) : t('p.notVoted')}</span>${myVote?.delegated ? html` <small data-testid="delegated-vote">${t('p.byDelegate')}</small>` : null}</h3>
    ${open ? html`
      ${refusal ? html`<p class="note" data-testid="vote-refused">${t('p.cannotVote', { reason: refusal.words })}</p>` : !myVote ? html`<p class="note">${t('p.free')}</p>` : null}
      <div class="buttons">${['Aye', 'Nay', 'Abstain'].map((c) => html`<button data-testid=${`vote-${c}`} class=${c.toLowerCase()} disabled=${status?.kind === 'pending' || barred} onClick=${() => vote(c)}>${t(`p.vote.${c}`)}</button>`)}</div>` : null}
    ${typeof p.status === 'string' && best >= p.end ? html`<button data-testid="close" onClick=${close} disabled=${status?.kind === 'pending'}>${t('p.close')}</button>` : null}
    <${Feedback} status=${status} />
  </section>`;
}

export function Proposal({ index }) {
  const who = useSignal(current);
  const { best } = useSignal(heads);
  const { value, error } = useChainData(async () => {
    const p = await read('stakeholderVoting_proposal', [index]);
    if (!p) return { p: null };
    const mine = who ? await chain.api.query.stakeholderVoting.votes(index, who) : null;
    const myVote = mine && mine.isSome ? mine.unwrap().toJSON() : null;
    const committed = who && p.secretBallot ? (await chain.api.query.stakeholderVoting.commitments(index, who)).isSome : false;
    return { p, myVote, committed, scope: await scopeName(p.scope) };
  }, [index, who]);
  if (error && !value) return html`<p class="error">${error.message}</p>`;
  if (!value) return html`<p class="loading">…</p>`;
  const { p, myVote, committed, scope } = value;
  if (!p) return html`<p data-testid="proposal-missing">${t('p.notFound', { n: index })}</p>`;
  const call = decodeCall(p.call);
  return html`<article class="page" data-testid="page-proposal">
    <h1 data-testid="proposal-title">${t('p.title', { n: p.index })}: ${p.title}</h1>
    <p class="meta">${t('p.scope')}: <a href=${`#/citizen/${p.scope}`}>${scope}</a> · ${t('p.proposer')}: <${Who} address=${p.proposer} /></p>
    <${Outcome} p=${p} />
    ${p.safeguards && (p.safeguards.minVotingPeriod || p.safeguards.enactmentDelay || p.safeguards.confirmPeriod) ? html`<p class="note" data-testid="safeguards">${t('p.safeguards', { min: p.safeguards.minVotingPeriod, delay: p.safeguards.enactmentDelay, confirm: p.safeguards.confirmPeriod })}${p.passingSince != null ? ` ${t('p.passingSince', { n: p.passingSince })}` : ''}</p>` : null}
    <p data-testid="time-left">${timeLeft(p, best)}</p>
    <section><h2>${t('p.description')}</h2>
      ${p.description != null ? html`<p class="description" data-testid="description">${p.description}</p>` : html`<p class="note">${t('p.noDescription', { hash: p.descriptionHash })}</p>`}
    </section>
    <section><h2>${t('p.call')}</h2>
      ${call ? html`<div class="call" data-testid="call"><code>${call.section}.${call.method}</code><pre>${JSON.stringify(call.args, null, 2)}</pre><small>${call.docs}</small></div>` : html`<p>${t('p.textOnly')}</p>`}
    </section>
    ${p.secretBallot && best < p.secretBallot.revealFrom
      ? html`<p class="note" data-testid="tally-sealed">${t(p.secretBallot.commitments === 1 ? 'p.tallySealed1' : 'p.tallySealed', { from: p.secretBallot.revealFrom, n: p.secretBallot.commitments })}</p>`
      : html`<${Tally} p=${p} /><${Quorum} p=${p} />`}
    ${p.secretBallot ? html`<${SecretPanel} p=${p} who=${who} myVote=${myVote} committed=${committed} best=${best} />`
      : html`<${VotePanel} p=${p} who=${who} myVote=${myVote} best=${best} />`}
  </article>`;
}
