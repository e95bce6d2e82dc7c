import { fillTemplate } from '../core/catalog-messages.js';
import { englishOutOfBand, type OutOfBandCatalog } from '../core/out-of-band-catalog.js';
import type { StepUpOption } from '../core/types.js';
import { wayOf } from './way.js';

/** A language's words (`stepup-kit/out-of-band/locales/<tag>`, or some of them), completed by the English. */
export function outOfBandWords(own: Partial<OutOfBandCatalog> | undefined): OutOfBandCatalog {
  if (!own) return englishOutOfBand;
  return {
    ...englishOutOfBand,
    ...own,
    methods: { ...englishOutOfBand.methods, ...own.methods },
    optionWithValue: { ...englishOutOfBand.optionWithValue, ...own.optionWithValue },
    done: { ...englishOutOfBand.done, ...own.done },
  };
}

/** The option's line in the channel choice: "Approve in Acme Bank", "Call your bank: 1-800-555-1212". */
export function optionLine(option: StepUpOption, words: OutOfBandCatalog): string {
  const way = wayOf(option);
  if (!way) return option.method;
  return option.value ? fillTemplate(words.optionWithValue[way], { value: option.value }) : words.methods[way];
}

export { fillTemplate };
