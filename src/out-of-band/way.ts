import type { OutOfBandWay } from '../core/out-of-band-catalog.js';
import type { StepUpBackend, StepUpOption } from '../core/types.js';
import { isIssuerPageOption } from './issuer-page.js';

export type { OutOfBandWay } from '../core/out-of-band-catalog.js';

/**
 * How the cardholder completes an option that sends no code: `APP_TO_APP` on a web platform (`platformType`
 * `WEB` or `subMethod` `3DS`) is the bank's page, else the bank's app; `CUSTOMER_SERVICE` is a call to the
 * bank, `OUTBOUND_CALL` a call from it. `undefined` for every other method.
 */
export function wayOf(option: Pick<StepUpOption, 'method' | 'platformType' | 'subMethod'>): OutOfBandWay | undefined {
  switch (option.method) {
    case 'APP_TO_APP':
      return option.platformType?.toUpperCase() === 'WEB' || option.subMethod?.toUpperCase() === '3DS' ? 'page' : 'app';
    case 'CUSTOMER_SERVICE':
      return 'callBank';
    case 'OUTBOUND_CALL':
      return 'bankCalls';
    default:
      return undefined;
  }
}

/**
 * Whether the kit can carry the cardholder through `option` with `backend`: a known out-of-band method, a
 * backend that can ask whether the bank approved (`checkStepUp`), and for `OUTBOUND_CALL` one that can tell
 * the bank to call (`submitSelection`). Anything else is never offered.
 */
export function canComplete(option: StepUpOption, backend: StepUpBackend): boolean {
  const way = wayOf(option);
  if (!way || typeof backend.checkStepUp !== 'function') return false;
  // a bank page that could never be opened (its source not an https URL) is not offered
  if (way === 'page') return isIssuerPageOption(option);
  return way !== 'bankCalls' || typeof backend.submitSelection === 'function';
}
