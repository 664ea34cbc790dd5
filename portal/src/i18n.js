// English and Simplified Chinese, from the catalogs in ../locales/ (one JSON file per language:
// `ui` texts by key, `errors` in words by `pallet.Error` or pool error name). `t(key, vars)`
// looks a key up in the current language and fills `{name}` placeholders. Every key exists in
// every catalog, and every error key names an error of the runtime (tests/e2e suite `portal`).

import { signal } from './store.js';
import enCatalog from '../locales/en.json';
import zhCatalog from '../locales/zh-CN.json';

const en = enCatalog.ui;
const zh = zhCatalog.ui;
const errorsEn = enCatalog.errors;
const errorsZh = zhCatalog.errors;

export const lang = signal(localStorage.getItem('polity.lang') || (navigator.language?.startsWith('zh') ? 'zh' : 'en'));

export function setLang(l) {
  localStorage.setItem('polity.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  lang.set(l);
}

export function t(key, vars = {}) {
  const dict = lang.get() === 'zh' ? zh : en;
  const text = dict[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? `{${k}}`));
}

/** The words for an error key, or undefined. */
export function errorWords(key) {
  return (lang.get() === 'zh' ? errorsZh : errorsEn)[key] ?? errorsEn[key];
}
