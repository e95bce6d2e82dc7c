import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';
import { catalog as en } from './en.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((ch, i) => [ch, [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

/**
 * A sentence as a pseudo-locale writes it: accented, about 40 % longer, in brackets, so a text that did
 * not come from the catalog, a cut-off label or a layout that cannot grow shows at a glance.
 */
function pseudo(text: string): string {
  const accented = text.replace(/\{\w+\}|[A-Za-z]/g, (part) => (part.length > 1 ? part : ACCENTED[part]!));
  const visible = text.replace(/\{\w+\}/g, '').length;
  return `[${accented} ${'·'.repeat(Math.max(1, Math.ceil(visible * 0.4)))}]`;
}

/** Every string of `value` (an object of strings, nested) as the pseudo-locale writes it. */
export function transform<T>(value: T): T {
  if (typeof value === 'string') return pseudo(value) as T;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, transform(v)])) as T;
}

const { locale: _locale, dir, ...texts } = en;

/**
 * The pseudo-locale `en-XA` for QA of a merchant's own checkout: every English sentence accented,
 * lengthened and bracketed. Not for cardholders.
 */
export const catalog: StepUpCatalog = {
  ...transform(texts),
  locale: 'en-XA',
  dir,
};

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
