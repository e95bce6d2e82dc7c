import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';
import type { ShippedLocale } from '../../locales/index.js';

// one dynamic import per language, so a bundler splits each set of words into a chunk of its own
const LOADERS: Record<ShippedLocale | 'en-XA', () => Promise<{ default: OutOfBandCatalog }>> = {
  en: () => import('./en.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  it: () => import('./it.js'),
  'pt-BR': () => import('./pt-BR.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  sv: () => import('./sv.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  'zh-CN': () => import('./zh-CN.js'),
  'en-XA': () => import('./pseudo.js'),
};

/**
 * Loads the out-of-band words of a shipped language (the tag `loadLocale` takes), as a chunk of its own:
 * `outOfBand({ words: await loadOutOfBandWords(tag) })`.
 *
 * @throws RangeError for a tag that is not shipped
 */
export async function loadOutOfBandWords(tag: ShippedLocale | 'en-XA'): Promise<OutOfBandCatalog> {
  const load = Object.hasOwn(LOADERS, tag) ? LOADERS[tag] : undefined;
  if (!load) throw new RangeError(`stepup-kit: no out-of-band words for "${tag}"`);
  return (await load()).default;
}
