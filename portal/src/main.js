// The Polity portal: one page per role, chosen by the address's #fragment.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { connect, chain, specUrl } from './chain.js';
import { accounts, current, loadDevAccounts, loadWalletAccounts, select } from './accounts.js';
import { useSignal } from './store.js';
import { html, heads, followHeads, useLang } from './ui.js';
import { t, setLang, lang } from './i18n.js';
import { Citizen } from './pages/citizen.js';
import { Proposal } from './pages/proposal.js';
import { DataOwner } from './pages/data.js';
import { Regulator } from './pages/regulator.js';
import { Network } from './pages/network.js';
import { Governance } from './pages/governance.js';
import './style.css';

function useRoute() {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#/, '').split('/').filter(Boolean);
}

function AccountPicker() {
  const list = useSignal(accounts);
  const selected = useSignal(current);
  const [note, setNote] = useState('');
  return html`<div class="account">
    <label>${t('acct.label')}
      <select data-testid="account" value=${selected} onChange=${(e) => select(e.target.value)}>
        ${list.length === 0 ? html`<option value="">${t('acct.none')}</option>` : null}
        ${list.map((a) => html`<option value=${a.address}>${a.name}${a.source === 'dev' ? ` · ${t('acct.dev')}` : ` · ${a.source}`}</option>`)}
      </select>
    </label>
    <button class="link" onClick=${async () => setNote((await loadWalletAccounts()) ? '' : t('acct.walletNone'))}>${t('acct.wallet')}</button>
    ${note ? html`<small class="note">${note}</small>` : null}
  </div>`;
}

function App() {
  useLang();
  const route = useRoute();
  const { best, finalized, finalizedHash } = useSignal(heads);
  const page = route[0] || 'citizen';
  const nav = ['citizen', 'data', 'regulator', 'network', 'governance'];
  let body;
  if (page === 'proposal') body = html`<${Proposal} index=${Number(route[1])} />`;
  else if (page === 'data') body = html`<${DataOwner} />`;
  else if (page === 'regulator') body = html`<${Regulator} who=${route[1] ? decodeURIComponent(route[1]) : ''} />`;
  else if (page === 'network') body = html`<${Network} />`;
  else if (page === 'governance') body = html`<${Governance} />`;
  else body = html`<${Citizen} scope=${route[1] != null ? Number(route[1]) : null} />`;
  return html`<header>
      <a class="brand" href="#/">${t('app.title')}</a>
      <nav>${nav.map((n) => html`<a href=${`#/${n}`} class=${page === n || (n === 'citizen' && page === 'proposal') ? 'active' : ''} data-testid=${`nav-${n}`}>${t(`nav.${n}`)}</a>`)}</nav>
      <div class="status">
        <span data-testid="best">${t('conn.best', { n: best })}</span> · <span data-testid="finalized">${t('conn.finalized', { n: finalized })}</span> · <span>${chain.name}</span>
        ${chain.mode === 'light'
          ? html` · <span class="verified" data-testid="verified" data-genesis=${chain.genesis} data-finalized-hash=${finalizedHash ?? ''} title=${`${t('conn.verifiedTitle', { spec: specUrl() })} #${finalized} = ${finalizedHash ?? '…'}`}>✓ ${t('conn.verified', { genesis: `${chain.genesis.slice(0, 10)}…${chain.genesis.slice(-6)}` })}</span>`
          : null}
        <button class="link" data-testid="lang" onClick=${() => setLang(lang.get() === 'zh' ? 'en' : 'zh')}>${t('lang.switch')}</button>
      </div>
      <${AccountPicker} />
    </header>
    ${chain.mode === 'rpc'
      ? html`<p class="trust-notice" role="alert" data-testid="trust-notice">${t(chain.trustReason === 'no-spec' ? 'conn.trustNoSpec' : 'conn.trust', { url: chain.url })}</p>`
      : null}
    <main>${body}</main>`;
}

async function start() {
  const root = document.getElementById('app');
  setLang(lang.get());
  const where = chain.mode === 'light' ? specUrl() : chain.url;
  render(html`<p class="loading">${chain.mode === 'light' ? t('conn.syncing') : t('conn.connecting', { url: chain.url })}</p>`, root);
  // A light client syncs from genesis by warp proofs: give it longer than a node's answer.
  const timer = setTimeout(() => unreachable(where), chain.mode === 'light' ? 60_000 : 8000);
  await connect();
  clearTimeout(timer);
  await loadDevAccounts();
  await followHeads();
  render(html`<${App} />`, root);
  document.body.dataset.ready = 'true';
}

/** The page a citizen sees when no node answers: what happened and what to do, in words. */
function unreachable(where, detail) {
  render(html`<section class="unreachable" data-testid="conn-failed">
    <h1>${t('conn.failedTitle')}</h1>
    <p>${t('conn.failed', { url: where })}</p>
    ${detail ? html`<p><small>${detail}</small></p>` : null}
    <button onClick=${() => location.reload()}>${t('conn.retry')}</button>
  </section>`, document.getElementById('app'));
}

start().catch((e) => unreachable(chain.mode === 'light' ? specUrl() : chain.url, e.message));
