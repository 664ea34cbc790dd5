// Data owner: drop a file (hashed here, never uploaded), register it, download its receipt;
// drop a receipt (and the file) to check it.

import { useState } from 'preact/hooks';
import { chain, rpc, pol, read } from '../chain.js';
import { current, label } from '../accounts.js';
import { useSignal } from '../store.js';
import { html, useChainData, Feedback, DropZone } from '../ui.js';
import { t } from '../i18n.js';
import { submit, overLimit } from '../tx.js';
import { limits } from '../governance-data.js';
import { hashFile, checkReceipt } from '../receipt.js';

function download(name, json) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The receipt of a registration, once its block is finalized and justified. */
async function fetchReceipt(hash, tries = 40) {
  for (let i = 0; i < tries; i += 1) {
    try {
      const r = await rpc('dataOwnership_registrationReceipt', [hash]);
      if (r) return r;
    } catch (_) { /* not justified yet */ }
    await new Promise((res) => setTimeout(res, 1500));
  }
  throw new Error('no receipt');
}

function Register() {
  const lim = limits();
  const [file, setFile] = useState(null);
  const [hash, setHash] = useState('');
  const [title, setTitle] = useState('');
  const [mediaType, setMediaType] = useState('');
  const [uri, setUri] = useState('');
  const [status, setStatus] = useState(null);
  const [receipt, setReceipt] = useState(null);
  const { value: record } = useChainData(() => (hash ? read('dataOwnership_record', [hash]) : null), [hash]);
  const onFiles = async (files) => {
    const f = files[0];
    if (!f) return;
    setFile(f);
    setReceipt(null);
    setStatus(null);
    setTitle(f.name);
    setMediaType(f.type || 'application/octet-stream');
    setHash(await hashFile(f));
  };
  const problem = overLimit(t('d.title'), title, lim.recordTitle, { required: true })
    || overLimit(t('d.mediaType'), mediaType, lim.mediaType) || overLimit(t('d.uri'), uri, lim.uri);
  const register = async (e) => {
    e.preventDefault();
    if (problem) { setStatus({ kind: 'error', text: problem }); return; }
    try {
      const done = await submit(chain.api.tx.dataOwnership.register(hash, { title, mediaType, uri, schema: null }, null), setStatus);
      if (chain.mode === 'light') {
        // Included and finalized as the light client verified it; the receipt file (with its
        // GRANDPA justification) comes from a full node's `dataOwnership_registrationReceipt`.
        setStatus({ kind: 'ok', text: `${t('tx.finalized', { n: done.blockNumber })} ${t('conn.lightOnly')}` });
        return;
      }
      setStatus({ kind: 'pending', text: t('d.receiptWait') });
      const r = await fetchReceipt(hash);
      setReceipt(r);
      setStatus({ kind: 'ok', text: t('tx.finalized', { n: r.blockNumber }) });
    } catch (_) { /* in words */ }
  };
  const c = chain.api.consts.dataOwnership;
  const deposit = pol(BigInt(c.recordDepositBase.toString()) + BigInt(c.recordDepositPerByte.toString()) * 64n);
  return html`<section>
    <${DropZone} text=${t('d.drop')} onFiles=${onFiles} testid="file-drop" />
    ${hash ? html`<p>${t('d.hash')}: <code data-testid="content-hash">${hash}</code> <small>${file?.name} · ${file?.size} B</small></p>` : null}
    ${hash && record ? html`<p class="feedback ok" data-testid="already-registered">${t('d.registered', { owner: label(record.owner), at: record.registeredAt })}</p>` : null}
    ${hash && record === null ? html`<form onSubmit=${register} data-testid="register-form">
      <p>${t('d.free')}</p>
      <label>${t('d.title')} <small>(≤ ${lim.recordTitle} B)</small><input name="title" value=${title} onInput=${(e) => setTitle(e.target.value)} /></label>
      <label>${t('d.mediaType')}<input name="mediaType" value=${mediaType} onInput=${(e) => setMediaType(e.target.value)} /></label>
      <label>${t('d.uri')}<input name="uri" value=${uri} onInput=${(e) => setUri(e.target.value)} /></label>
      ${problem ? html`<p class="feedback error" data-testid="limit-error">${problem}</p>` : null}
      <p class="note">${t('d.deposit', { deposit })}</p>
      <button type="submit" disabled=${status?.kind === 'pending'}>${t('d.register')}</button>
    </form>` : null}
    <${Feedback} status=${status} />
    ${receipt ? html`<button data-testid="download-receipt" onClick=${() => download(`${hash}.receipt.json`, receipt)}>${t('d.receipt')}</button>` : null}
    ${!receipt && hash && record ? html`<button data-testid="fetch-receipt" onClick=${async () => {
      setStatus({ kind: 'pending', text: t('d.receiptWait') });
      try {
        const r = await fetchReceipt(hash, 10);
        setReceipt(r);
        setStatus(null);
      } catch (e) { setStatus({ kind: 'error', text: t('tx.failed', { reason: t('d.noReceipt') }) }); }
    }}>${t('d.receipt')}</button>` : null}
  </section>`;
}

/** Several files in one `registerBatch`, checked against the batch and field limits first. */
function RegisterMany() {
  const lim = limits();
  const [entries, setEntries] = useState([]);
  const [status, setStatus] = useState(null);
  const onFiles = async (files) => {
    setStatus(null);
    const list = await Promise.all([...files].map(async (f) => ({ name: f.name, type: f.type || 'application/octet-stream', hash: await hashFile(f) })));
    setEntries(list);
  };
  const problem = entries.length > lim.batch
    ? t('d.batchTooBig', { n: entries.length, max: lim.batch })
    : entries.map((e) => overLimit(`${t('d.title')} “${e.name}”`, e.name, lim.recordTitle) || overLimit(t('d.mediaType'), e.type, lim.mediaType)).find(Boolean);
  const send = async () => {
    if (problem) { setStatus({ kind: 'error', text: problem }); return; }
    const records = entries.map((e) => ({ hash: e.hash, metadata: { title: e.name, mediaType: e.type, uri: '', schema: null }, supersedes: null }));
    try { await submit(chain.api.tx.dataOwnership.registerBatch(records), setStatus); } catch (_) { /* in words */ }
  };
  return html`<section>
    <h2>${t('d.many')}</h2>
    <${DropZone} text=${t('d.manyDrop', { max: lim.batch })} onFiles=${onFiles} multiple=${true} testid="batch-drop" />
    ${entries.length ? html`<p data-testid="batch-count">${t('d.batchCount', { n: entries.length })}</p>` : null}
    ${problem ? html`<p class="feedback error" data-testid="batch-error">${problem}</p>` : null}
    ${entries.length ? html`<button data-testid="register-batch" onClick=${send} disabled=${status?.kind === 'pending'}>${t('d.register')}</button>` : null}
    <${Feedback} status=${status} />
  </section>`;
}

function Check() {
  const [result, setResult] = useState(null);
  const onFiles = async (files) => {
    const list = [...files];
    const receiptFile = list.find((f) => f.name.endsWith('.json'));
    const other = list.find((f) => f !== receiptFile);
    if (!receiptFile) {
      setResult({ valid: false, lines: [{ ok: false, text: t('v.badFile', { why: 'no .json file' }) }] });
      return;
    }
    setResult(await checkReceipt(await receiptFile.text(), other));
  };
  return html`<section>
    <h2>${t('d.check')}</h2>
    <${DropZone} text=${t('d.checkDrop')} onFiles=${onFiles} multiple=${true} testid="receipt-drop" />
    ${result ? html`<div class=${`verdict ${result.valid ? 'ok' : 'error'}`} data-testid="verdict" data-valid=${String(result.valid)} data-link=${result.verdict ? (result.verdict.valid ? '' : result.verdict.link) : ''}>
      <strong>${result.valid ? t('v.valid') : t('v.invalid', { why: result.lines.find((l) => !l.ok)?.text ?? '' })}</strong>
      <ul>${result.lines.map((l) => html`<li class=${l.ok ? 'ok' : 'error'}>${l.ok ? '✓' : '✗'} ${l.text}</li>`)}</ul>
      <small>${t('v.trustSpec')}</small>
    </div>` : null}
  </section>`;
}

function MyRecords() {
  const who = useSignal(current);
  const { value } = useChainData(async () => {
    const hashes = await read('dataOwnership_recordsOf', [who, null, 50]);
    return Promise.all(hashes.map((h) => read('dataOwnership_record', [h])));
  }, [who]);
  return html`<section><h2>${t('d.mine')}</h2>
    ${value?.length ? html`<ul data-testid="my-records">${value.filter(Boolean).map((r) => html`<li><strong>${r.title}</strong> <code>${r.hash.slice(0, 18)}…</code> <small>#${r.registeredAt} · ${t(`rstatus.${typeof r.status === 'string' ? r.status : Object.keys(r.status)[0]}`)}</small></li>`)}</ul>` : html`<p>${t('cit.none')}</p>`}
  </section>`;
}

export function DataOwner() {
  return html`<div class="page" data-testid="page-data"><h1>${t('nav.data')}</h1><${Register} /><${RegisterMany} /><${Check} /><${MyRecords} /></div>`;
}
