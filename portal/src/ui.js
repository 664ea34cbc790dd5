// Shared pieces: html (htm bound to Preact), live heights, feedback lines, charts, formatting.

import { h } from 'preact';
import htm from 'htm';
import { useEffect, useState } from 'preact/hooks';
import { chain } from './chain.js';
import { signal, useSignal } from './store.js';
import { nameOf } from './accounts.js';
import { t, lang } from './i18n.js';

export const html = htm.bind(h);

/** Best and finalized block numbers, kept current by subscriptions. */
export const heads = signal({ best: 0, finalized: 0 });

export async function followHeads() {
  const api = chain.api;
  // The current heights now, not at the next block.
  const [best, fin] = await Promise.all([api.rpc.chain.getHeader(), api.rpc.chain.getFinalizedHead().then((h) => api.rpc.chain.getHeader(h))]);
  const seen = (finalized) => {
    if (chain.firstVerifiedMs == null && chain.mode === 'light' && finalized > 0) {
      chain.firstVerifiedMs = Math.round(performance.now());
      document.body.dataset.firstVerifiedMs = String(chain.firstVerifiedMs);
    }
  };
  heads.set({ best: best.number.toNumber(), finalized: fin.number.toNumber(), finalizedHash: fin.hash.toHex() });
  seen(fin.number.toNumber());
  await api.rpc.chain.subscribeNewHeads((hd) => heads.set({ ...heads.get(), best: hd.number.toNumber() }));
  await api.rpc.chain.subscribeFinalizedHeads((hd) => {
    heads.set({ ...heads.get(), finalized: hd.number.toNumber(), finalizedHash: hd.hash.toHex() });
    seen(hd.number.toNumber());
  });
}

/** Re-renders with the current language. */
export const useLang = () => useSignal(lang);

/** Runs `load` now and whenever the best block changes (or `deps` change); returns its value. */
export function useChainData(load, deps = [], { everyBlock = true } = {}) {
  const { best } = useSignal(heads);
  const [state, setState] = useState({ value: undefined, error: null });
  const key = everyBlock ? best : 0;
  useEffect(() => {
    let live = true;
    Promise.resolve().then(load).then(
      (value) => live && setState({ value, error: null }),
      (error) => live && setState((s) => ({ value: s.value, error })),
    );
    return () => { live = false; };
  }, [key, ...deps]);
  return state;
}

/** A feedback line for a transaction: pending / ok / error, announced to screen readers. */
export function Feedback({ status }) {
  if (!status) return null;
  return html`<p class=${`feedback ${status.kind}`} role="status" data-kind=${status.kind}>${status.text}</p>`;
}

/** A shortened address, with the account's name when it is one of ours. */
export function Who({ address }) {
  if (!address) return null;
  const name = nameOf(address);
  const short = `${address.slice(0, 6)}…${address.slice(-4)}`;
  return html`<span class="who" title=${address}>${name ? `${name} (${short})` : short}</span>`;
}

export const percent = (perbill) => `${(Number(perbill) / 1e7).toFixed(1)}%`;

/** Blocks as a duration in words. */
export function duration(blocks) {
  const s = Math.max(0, Math.round((blocks * chain.blockMs) / 1000));
  const zh = lang.get() === 'zh';
  if (s < 120) return zh ? `${s} 秒` : `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return zh ? `${m} 分钟` : `${m} min`;
  const hrs = Math.round(m / 60);
  if (hrs < 48) return zh ? `${hrs} 小时` : `${hrs} h`;
  return zh ? `${Math.round(hrs / 24)} 天` : `${Math.round(hrs / 24)} days`;
}

/**
 * Horizontal stacked bars: rows [{ label, parts: [{ value, cls, title }] }], scaled to `max`
 * (default: the largest row). Plain SVG, no chart library.
 */
export function Bars({ rows, max, unit = '', testid }) {
  const width = 100;
  const top = max ?? Math.max(1, ...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0)));
  return html`<div class="bars" data-testid=${testid}>
    ${rows.map((r) => {
      let x = 0;
      const total = r.parts.reduce((a, p) => a + p.value, 0);
      return html`<div class="bar-row">
        <span class="bar-label">${r.label}</span>
        <svg viewBox="0 0 ${width} 10" preserveAspectRatio="none" class="bar" role="img" aria-label=${`${r.label}: ${total}${unit}`}>
          <rect x="0" y="0" width=${width} height="10" class="track" />
          ${r.parts.map((p) => {
            const w = (p.value / top) * width;
            const el = html`<rect x=${x} y="0" width=${w} height="10" class=${p.cls}><title>${p.title ?? p.value}</title></rect>`;
            x += w;
            return el;
          })}
          ${r.mark != null ? html`<line x1=${(r.mark / top) * width} x2=${(r.mark / top) * width} y1="0" y2="10" class="mark" />` : null}
        </svg>
        <span class="bar-value">${r.text ?? `${total}${unit}`}</span>
      </div>`;
    })}
  </div>`;
}

/** A drop zone that also opens a file chooser; calls `onFiles(FileList)`. */
export function DropZone({ text, onFiles, testid, multiple = false, accept }) {
  const [over, setOver] = useState(false);
  return html`<label class=${`drop ${over ? 'over' : ''}`} data-testid=${testid}
    onDragOver=${(e) => { e.preventDefault(); setOver(true); }}
    onDragLeave=${() => setOver(false)}
    onDrop=${(e) => { e.preventDefault(); setOver(false); onFiles(e.dataTransfer.files); }}>
    <span>${text}</span>
    <input type="file" multiple=${multiple} accept=${accept} onChange=${(e) => onFiles(e.target.files)} />
  </label>`;
}
