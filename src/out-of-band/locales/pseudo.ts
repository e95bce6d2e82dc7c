import { englishOutOfBand, type OutOfBandCatalog } from '../../core/out-of-band-catalog.js';
import { transform } from '../../locales/pseudo.js';

/** The pseudo-locale `en-XA` for QA of a checkout: every English word accented, lengthened and bracketed. */
export const words: OutOfBandCatalog = transform(englishOutOfBand);

export default words;
