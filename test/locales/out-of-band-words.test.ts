// @vitest-environment node
/// <reference types="vite/client" />
/** Every shipped set of out-of-band words against the English one: complete, placeholders kept, no English left. */
import { englishOutOfBand, type OutOfBandCatalog } from '../../src/core/out-of-band-catalog';
import { SHIPPED_LOCALES } from '../../src/locales';
import { loadOutOfBandWords } from '../../src/out-of-band/locales';

const modules = import.meta.glob<{ words: OutOfBandCatalog; default: OutOfBandCatalog }>('../../src/out-of-band/locales/*.ts', { eager: true });
const sets = Object.entries(modules)
  .filter(([file]) => !/\/(en|index|pseudo)\.ts$/.test(file))
  .map(([file, module]) => [file.replace(/^.*\/|\.ts$/g, ''), module.words] as const);

type Leaf = { path: string; value: unknown };
function leaves(value: unknown, path = ''): Leaf[] {
  if (value === null || typeof value !== 'object') return [{ path, value }];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}
const get = (object: unknown, path: string) => path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(sets)('out-of-band words %s', (tag, words) => {
  it('has every English key and no other, each a non-empty string', () => {
    expect(leaves(words).map((l) => l.path).sort()).toEqual(leaves(englishOutOfBand).map((l) => l.path).sort());
    for (const { path, value } of leaves(words)) {
      expect(typeof value, path).toBe('string');
      expect((value as string).trim(), path).not.toBe('');
    }
  });

  it('keeps the placeholders of every English string, and leaves none in English', () => {
    for (const { path, value } of leaves(englishOutOfBand)) {
      const own = get(words, path) as string;
      expect(placeholders(own), `${tag} ${path}`).toEqual(placeholders(value as string));
      expect(own, `${tag} ${path}`).not.toBe(value);
    }
  });

  it('is what loadOutOfBandWords gives for its tag, and its module default', async () => {
    expect(await loadOutOfBandWords(tag as never)).toBe(words);
    expect(modules[`../../src/out-of-band/locales/${tag}.ts`]!.default).toBe(words);
  });
});

it('ships words for every shipped language', () => {
  expect(sets.map(([tag]) => tag).sort()).toEqual(SHIPPED_LOCALES.filter((tag) => tag !== 'en').sort());
});

it('loads English and the pseudo-locale, and refuses a tag it does not ship', async () => {
  expect(await loadOutOfBandWords('en')).toBe(englishOutOfBand);
  expect((await loadOutOfBandWords('en-XA')).checking).toMatch(/^\[Çĥéçķîñĝ ŵîţĥ ýöûŕ ƀåñķ… ·+\]$/);
  await expect(loadOutOfBandWords('xx' as never)).rejects.toThrow(RangeError);
});
