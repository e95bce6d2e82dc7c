import { englishOutOfBand } from '../../core/out-of-band-catalog.js';

/** English: the reference the other languages translate (built into `outOfBand()`). */
export const words = englishOutOfBand;

export default words;
