// @vitest-environment node
/// <reference types="vite/client" />
/** Every shipped catalog against the English one: complete, every plural category, placeholders kept, no English left. */
import type { PluralMessage, StepUpCatalog } from '../../src/core/catalog';
import { catalog as en } from '../../src/locales/en';

const modules = import.meta.glob<{ catalog: StepUpCatalog }>('../../src/locales/*.ts', { eager: true });
const catalogs = Object.entries(modules)
  .filter(([file]) => !/\/(en|index|pseudo|load[\w-]*)\.ts$/.test(file))
  .map(([file, module]) => [file.replace(/^.*\/|\.ts$/g, ''), module.catalog] as const);

/** Words that are the same in many languages: brand names and the international short forms. */
const SAME_AS_ENGLISH = new Set(['SMS', 'E-mail', 'Email', 'OK']);

type Leaf = { path: string; value: unknown };
function leaves(value: unknown, path = ''): Leaf[] {
  if (value === null || typeof value !== 'object') return [{ path, value }];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isPlural = (value: unknown): value is PluralMessage => typeof value === 'object' && value !== null && 'other' in value;

describe.each(catalogs)('catalog %s', (tag, catalog) => {
  it('names its own tag, a known direction, and a locale Intl supports', () => {
    expect(catalog.locale).toBe(tag);
    expect(['ltr', 'rtl']).toContain(catalog.dir);
    expect(Intl.PluralRules.supportedLocalesOf([catalog.locale])).toEqual([catalog.locale]);
  });

  it('has every key of the English catalog and no other, each non-empty', () => {
    const englishPaths = leaves(en).filter((l) => !/^(locale|dir)$/.test(l.path) && !isPluralPath(l.path)).map((l) => l.path);
    const ownPaths = leaves(catalog).filter((l) => !/^(locale|dir)$/.test(l.path) && !isPluralPath(l.path)).map((l) => l.path);
    expect(ownPaths.sort()).toEqual(englishPaths.sort());
    for (const { path, value } of leaves(catalog)) {
      expect(typeof value, path).toBe('string');
      expect((value as string).trim(), path).not.toBe('');
    }
  });

  it('keeps the placeholders of every English string', () => {
    for (const { path, value } of leaves(en)) {
      if (typeof value !== 'string' || isPluralPath(path)) continue;
      expect(placeholders(get(catalog, path) as string), path).toEqual(placeholders(value));
    }
  });

  it('has a form for every plural category of its language, each with the number', () => {
    const categories = new Intl.PluralRules(catalog.locale).resolvedOptions().pluralCategories;
    for (const key of pluralKeys) {
      const message = catalog[key] as PluralMessage;
      for (const category of categories) {
        const form = message[category];
        expect(form, `${key}.${category}`).toBeTypeOf('string');
        expect(form, `${key}.${category}`).toContain('{count}');
      }
    }
  });

  it('leaves no sentence in English', () => {
    for (const { path, value } of leaves(en)) {
      if (typeof value !== 'string' || /^(locale|dir)$/.test(path)) continue;
      const own = get(catalog, path);
      if (typeof own !== 'string' || SAME_AS_ENGLISH.has(own.trim())) continue;
      expect(own, path).not.toBe(value);
    }
  });
});

const pluralKeys = (Object.keys(en) as (keyof StepUpCatalog)[]).filter((key) => isPlural(en[key]));
function isPluralPath(path: string): boolean {
  return pluralKeys.some((key) => path === key || path.startsWith(`${key}.`));
}
function get(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object);
}

it('ships the sixteen languages besides English', () => {
  expect(catalogs.map(([tag]) => tag).sort()).toEqual(
    ['ar', 'de', 'es', 'fr', 'he', 'hi', 'it', 'ja', 'ko', 'nl', 'pl', 'pt-BR', 'sv', 'tr', 'uk', 'zh-CN'].sort(),
  );
});
