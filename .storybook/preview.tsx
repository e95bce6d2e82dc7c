import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { StepUpLocale } from '../src';
import '../src/styles.css';

// every shipped language and the pseudo-locale, for the toolbar (Storybook only: a checkout loads one)
const modules = import.meta.glob<{ default: StepUpLocale }>('../src/locales/*.ts', { eager: true });
const LOCALES = Object.fromEntries(
  Object.values(modules)
    .map((module) => module.default)
    .filter((locale): locale is StepUpLocale => typeof locale?.locale === 'string')
    .map((locale) => [locale.locale, locale]),
);

/**
 * The toolbar's Language and Direction reach every story as the `locale` and `dir` props; left on
 * "story default", a story keeps its own (its play test reads its own language).
 */
const withLanguage: Decorator = (Story, context) => {
  const locale = LOCALES[context.globals.locale as string];
  const dir = context.globals.dir as 'ltr' | 'rtl' | undefined;
  if (!locale && !dir) return <Story />;
  return <Story args={{ ...context.args, ...(locale ? { locale } : {}), ...(dir ? { dir } : {}) }} />;
};

const preview: Preview = {
  loaders: [mswLoader()],
  decorators: [withLanguage],
  globalTypes: {
    locale: {
      description: 'Language of the step-up',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [{ value: '', title: 'story default' }, ...Object.keys(LOCALES).sort().map((tag) => ({ value: tag, title: tag }))],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Direction of the step-up',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: '', title: 'the language’s' },
          { value: 'ltr', title: 'left to right' },
          { value: 'rtl', title: 'right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: '', dir: '' },
  parameters: {
    layout: 'padded',
    // an axe violation fails the story's test
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
