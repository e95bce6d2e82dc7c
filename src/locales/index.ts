import type { StepUpCatalog, StepUpLocale } from '../core/catalog.js';

export { defineLocale, messagesFromCatalog } from '../core/catalog-messages.js';
export type { CatalogMethod, PluralCategory, PluralMessage, StepUpCatalog, StepUpLocale } from '../core/catalog.js';

/** The languages `stepup-kit/locales/<tag>` ships, English included. */
export const SHIPPED_LOCALES = [
  'en', 'de', 'es', 'fr', 'it', 'pt-BR', 'nl', 'pl', 'sv', 'tr', 'uk', 'ar', 'he', 'hi', 'ja', 'ko', 'zh-CN',
] as const;

/** A tag of a shipped language. */
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

// one dynamic import per language, so a bundler splits each catalog into a chunk of its own
const LOADERS: Record<ShippedLocale | 'en-XA', () => Promise<{ default: StepUpLocale }>> = {
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
 * Loads the catalog of a shipped language (or `en-XA`, the pseudo-locale) when it is needed, as a chunk of
 * its own. Pass a tag `matchLocale` returned to serve the cardholder's browser language.
 *
 * @throws RangeError for a tag that is not shipped
 */
export async function loadLocale(tag: ShippedLocale | 'en-XA'): Promise<StepUpLocale> {
  const load = Object.hasOwn(LOADERS, tag) ? LOADERS[tag] : undefined;
  if (!load) throw new RangeError(`stepup-kit: no catalog for "${tag}"; shipped: ${SHIPPED_LOCALES.join(', ')}`);
  return (await load()).default;
}

/**
 * The best of `available` for a reader who prefers `preferred` (e.g. `navigator.languages`), in their
 * order: the same tag, else the same language, script and region, else the same language and script
 * (`de-AT` reads `de`, `pt-PT` reads `pt-BR`, but `zh-TW` never gets `zh-CN`, written in another script).
 * `undefined` when none fits: keep your default.
 */
export function matchLocale<T extends string>(preferred: readonly string[], available: readonly T[]): T | undefined {
  const parsed = available.map((tag) => ({ tag, locale: maximize(tag) }));
  for (const wanted of preferred) {
    const exact = available.find((tag) => tag.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const want = maximize(wanted);
    if (!want) continue;
    const sameScript = parsed.filter(({ locale }) => locale && locale.language === want.language && locale.script === want.script);
    const best = sameScript.find(({ locale }) => locale!.region === want.region) ?? sameScript[0];
    if (best) return best.tag;
  }
  return undefined;
}

/** The locale among `locales` (or catalogs) that suits a reader who prefers `preferred` best, or `undefined`. */
export function matchCatalog<T extends StepUpLocale | StepUpCatalog>(preferred: readonly string[], locales: readonly T[]): T | undefined {
  const tag = matchLocale(preferred, locales.map((locale) => locale.locale));
  return locales.find((locale) => locale.locale === tag);
}

function maximize(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined; // not a well-formed tag
  }
}
