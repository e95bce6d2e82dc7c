// @vitest-environment node
/** Choosing a language: loading a shipped catalog by tag, and matching the reader's preferences. */
import { SHIPPED_LOCALES, loadLocale, matchCatalog, matchLocale } from '../../src/locales';
import de from '../../src/locales/de';
import en from '../../src/locales/en';
import fr from '../../src/locales/fr';
import pseudo, { catalog as pseudoCatalog } from '../../src/locales/pseudo';

describe('loadLocale', () => {
  it.each(SHIPPED_LOCALES)('loads %s with its own tag', async (tag) => {
    expect((await loadLocale(tag)).locale).toBe(tag);
  });

  it('loads the pseudo-locale', async () => {
    expect(await loadLocale('en-XA')).toBe(pseudo);
  });

  it('refuses a tag that is not shipped, naming the ones that are', async () => {
    await expect(loadLocale('xx' as 'de')).rejects.toThrow(/no catalog for "xx".*de, es/);
    await expect(loadLocale('toString' as 'de')).rejects.toBeInstanceOf(RangeError);
  });
});

describe('matchLocale', () => {
  it.each<[string[], string | undefined]>([
    [['de-AT', 'en'], 'de'],
    [['fr-CA'], 'fr'],
    [['pt-PT'], 'pt-BR'],
    [['pt'], 'pt-BR'],
    [['zh'], 'zh-CN'],
    [['zh-Hans-SG'], 'zh-CN'],
    [['zh-TW'], undefined],
    [['zh-Hant'], undefined],
    [['nb', 'sv-FI'], 'sv'],
    [['he-IL'], 'he'],
    [['ar-EG'], 'ar'],
    [['PT-br'], 'pt-BR'],
    [['not a tag', 'ja-JP'], 'ja'],
    [[], undefined],
  ])('%j → %s', (preferred, expected) => {
    expect(matchLocale(preferred, SHIPPED_LOCALES)).toBe(expected);
  });

  it('follows the reader’s order, not the list’s', () => {
    expect(matchLocale(['fr', 'de'], ['de', 'fr'])).toBe('fr');
  });

  it('prefers the same region when a language is there twice', () => {
    expect(matchLocale(['en-GB'], ['en-US', 'en-GB'])).toBe('en-GB');
    expect(matchLocale(['en-AU'], ['en-US', 'en-GB'])).toBe('en-US');
  });
});

describe('matchCatalog', () => {
  it('picks among the catalogs the merchant provides', () => {
    expect(matchCatalog(['de-CH', 'fr'], [en, fr, de])).toBe(de);
    expect(matchCatalog(['it'], [en, fr, de])).toBeUndefined();
  });
});

describe('the pseudo-locale', () => {
  it('brackets, accents and lengthens every sentence but keeps its placeholders', () => {
    expect(pseudo.locale).toBe('en-XA');
    expect(pseudo.messages.title).toMatch(/^\[Çöñƒîŕɱ îţ’š ýöû ·+\]$/);
    expect(pseudoCatalog.codeSent).toContain('{destination}');
    expect(pseudo.messages.attemptsLeft({ count: 1, locale: 'en' })).toMatch(/^\[1 åţţéɱþţ ļéƒţ ·+\]$/);
    expect(pseudo.messages.errors.timeout.length).toBeGreaterThanOrEqual(en.messages.errors.timeout.length * 1.4);
  });
});
