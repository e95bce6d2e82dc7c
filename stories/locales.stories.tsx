import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { StepUpOtp, type StepUpLocale } from '../src';
import { createSandbox, DEFAULT_SANDBOX_OPTIONS, type StepUpSandbox } from '../src/sandbox';
import ar from '../src/locales/ar';
import de from '../src/locales/de';
import he from '../src/locales/he';
import ja from '../src/locales/ja';
import pseudo from '../src/locales/pseudo';
import { sentCode } from './support/play';
import { DARK_THEME } from './support/dark';
import { withSandbox } from './support/sandbox';

/**
 * The step-up in shipped languages: right-to-left Arabic and Hebrew, Japanese, German, and the pseudo-locale
 * merchants use to find text that did not come from the catalog. The toolbar's Language switches every story.
 */
const meta = {
  title: 'StepUpOtp/Languages',
  component: StepUpOtp,
  tags: ['autodocs'],
  ...withSandbox,
  args: { stepUpOptions: DEFAULT_SANDBOX_OPTIONS, backend: createSandbox().backend, onVerified: fn() },
} satisfies Meta<typeof StepUpOtp>;
export default meta;
type Story = StoryObj<typeof meta>;


/** Chooses the text message by its label in the locale's words, sends, and waits for the code field. */
async function sendInLocale(locale: StepUpLocale, canvas: Parameters<NonNullable<Story['play']>>[0]['canvas'], userEvent: Parameters<NonNullable<Story['play']>>[0]['userEvent']) {
  const m = locale.messages;
  const sms = DEFAULT_SANDBOX_OPTIONS.find((option) => option.method === 'OTP_SMS')!;
  const name = m.optionLabel({ method: 'OTP_SMS', methodName: m.methodName('OTP_SMS'), value: sms.value });
  // the destination is an inline block, so the accessible name may carry spaces around it
  const bare = (text: string) => text.replace(/\s+/g, '');
  await userEvent.click(canvas.getByRole('radio', { name: (accessible) => bare(accessible) === bare(name) }));
  await userEvent.click(canvas.getByRole('button', { name: m.sendCode }));
  return (await canvas.findByLabelText(m.codeLabel, {}, { timeout: 4000 })) as HTMLInputElement;
}

/** Sends a code in `locale`; with `finish`, types it and ends verified, else stays on the code screen to be looked at. */
function languageStory(locale: StepUpLocale, finish = true): Story {
  return {
    args: { locale },
    play: async ({ canvas, userEvent, loaded }) => {
      const root = canvas.getByRole('group', { name: locale.messages.title });
      await expect(root).toHaveAttribute('lang', locale.locale);
      await expect(root).toHaveAttribute('dir', locale.dir);
      const input = await sendInLocale(locale, canvas, userEvent);
      await expect(canvas.getByText(locale.messages.attemptsLeft({ count: 3, locale: locale.locale }))).toBeVisible();
      // the code row reads left to right in every script: its first slot is the leftmost
      const slots = [...root.querySelectorAll<HTMLElement>('[data-part="code-slot"]')];
      await expect(slots.length).toBeGreaterThan(1);
      for (let i = 1; i < slots.length; i++) await expect(slots[i]!.getBoundingClientRect().left).toBeGreaterThan(slots[i - 1]!.getBoundingClientRect().left);
      // the masked destination reads left to right in every script: its first character is the leftmost
      const masked = root.querySelector('[data-part="code-sent"] bdi')?.firstChild;
      await expect(masked).toBeTruthy();
      const range = document.createRange();
      const left = (i: number) => (range.setStart(masked!, i), range.setEnd(masked!, i + 1), range.getBoundingClientRect().left);
      await expect(left(0)).toBeLessThan(left(masked!.textContent!.length - 1));
      // nothing wider than the card: long words wrap instead of pushing it sideways
      await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
      if (!finish) return;
      await userEvent.type(input, sentCode(loaded.sandbox as StepUpSandbox));
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'verified'), { timeout: 4000 });
      await expect(canvas.getByText(locale.messages.verified, { selector: 'p' })).toBeVisible();
    },
  };
}

/** Arabic, right to left: the card mirrors, the masked number and the code row stay left to right. */
export const Arabic = languageStory(ar);
/** Hebrew, right to left. */
export const Hebrew = languageStory(he);
/** Japanese, with full-width punctuation. */
export const Japanese = languageStory(ja);
/** German, formal "Sie". */
export const German = languageStory(de);
/** The pseudo-locale en-XA: every catalog sentence bracketed, accented and 40 % longer. */
export const Pseudo = languageStory(pseudo);

const phoneDark = [
  (Story: () => React.JSX.Element) => (
    <div style={{ width: 320, margin: '-1rem', background: '#0f1115', padding: 8 }}>
      <style>{DARK_THEME}</style>
      <Story />
    </div>
  ),
];

/** Arabic on a 320 px phone in a dark theme, on the code screen. */
export const ArabicPhoneDark: Story = { ...languageStory(ar, false), args: { locale: ar, className: 'stepup-dark' }, decorators: phoneDark };
/** Hebrew on a 320 px phone in a dark theme, on the code screen. */
export const HebrewPhoneDark: Story = { ...languageStory(he, false), args: { locale: he, className: 'stepup-dark' }, decorators: phoneDark };
/** German on a 320 px phone in a dark theme, on the code screen. */
export const GermanPhoneDark: Story = { ...languageStory(de, false), args: { locale: de, className: 'stepup-dark' }, decorators: phoneDark };
/** Japanese on a 320 px phone, on the code screen. */
export const JapanesePhone: Story = {
  ...languageStory(ja, false),
  decorators: [
    (Story) => (
      <div style={{ width: 320, margin: '-1rem' }}>
        <Story />
      </div>
    ),
  ],
};
/** The pseudo-locale’s longer text on a 320 px phone, on the code screen. */
export const PseudoPhone: Story = {
  ...languageStory(pseudo, false),
  decorators: [
    (Story) => (
      <div style={{ width: 320, margin: '-1rem' }}>
        <Story />
      </div>
    ),
  ],
};
