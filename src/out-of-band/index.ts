import type { OutOfBandMethods } from '../react/use-step-up-otp.js';
import { OutOfBandLabel } from './label.js';
import type { OutOfBandOptions } from './options.js';
import { OutOfBandPanel } from './panel.js';
import { canComplete } from './way.js';
import { outOfBandWords } from './words.js';
import { createElement } from 'react';

/**
 * The step-up methods that complete outside the page, for `<StepUpOtp outOfBand={outOfBand()}>`: approve in the
 * bank's app (`APP_TO_APP`) or on its page (`APP_TO_APP`, `WEB`/`3DS`), call the bank (`CUSTOMER_SERVICE`), or be
 * called by it (`OUTBOUND_CALL`). Each is offered only with a backend that can complete it (`checkStepUp`, and
 * `submitSelection` for a call from the bank), in the issuer's order among the OTP channels.
 */
export function outOfBand(options: OutOfBandOptions = {}): OutOfBandMethods {
  const words = outOfBandWords(options.words);
  return {
    offers: canComplete,
    label: (option) => createElement(OutOfBandLabel, { option, words }),
    continueLabel: words.continue,
    // no more codes does not end the step-up while a method that needs none is offered
    messages: { intro: words.intro, chooseMethod: words.chooseMethod, errors: { 'resends-exhausted': words.noMoreCodes } },
    // a new option (after "Use another method") is a new panel, with its own controller
    render: (stepUp) => createElement(OutOfBandPanel, { key: stepUp.away?.id, stepUp, settings: options }),
  };
}

export type { OutOfBandOptions } from './options.js';
export {
  createOutOfBandController,
  type IssuerAnswer,
  type OutOfBandController,
  type OutOfBandControllerOptions,
  type OutOfBandNotice,
  type OutOfBandState,
  type OutOfBandStatus,
  type PollOptions,
} from './controller.js';
export { canComplete, wayOf, type OutOfBandWay } from './way.js';
export { outOfBandWords } from './words.js';
export {
  DEFAULT_ISSUER_PAGE_PARAMS,
  completeIssuerReturn,
  isIssuerPageOption,
  issuerPageUrl,
  newReturnState,
  openIssuerPage,
  readIssuerReturn,
  withReturnState,
  type IssuerPageParams,
  type IssuerPageUrlBuilder,
  type IssuerResponse,
  type IssuerResult,
} from './issuer-page.js';
