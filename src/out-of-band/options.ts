import type { OutOfBandCatalog } from '../core/out-of-band-catalog.js';
import type { StepUpOption } from '../core/types.js';
import type { IssuerAnswer, OutOfBandState, OutOfBandStatus, PollOptions } from './controller.js';
import type { IssuerPageParams, IssuerPageUrlBuilder } from './issuer-page.js';

/** How `outOfBand()` completes the methods outside the page; every field has a documented default. */
export interface OutOfBandOptions {
  /**
   * The words in the cardholder's language: `stepup-kit/out-of-band/locales/<tag>` (the same language as the
   * step-up's `locale`), or your own; missing ones are English.
   * @defaultValue English
   */
  words?: Partial<OutOfBandCatalog>;
  /**
   * Opens the bank's native app (`APP_TO_APP` on `IOS`/`ANDROID`) from a host that can: a WebView's bridge, React
   * Native. Resolves with what the app returned: with `authCode` the kit validates it (`validateIssuerCode`),
   * otherwise it asks the server. Without it, a browser cannot open the app: the cardholder is told to approve in
   * it on their phone, and no dead button is shown.
   */
  launchIssuerApp?: (option: StepUpOption) => Promise<IssuerAnswer>;
  /** The bank's web page (`APP_TO_APP` with `platformType` `WEB` / `subMethod` `3DS`). */
  issuerPage?: {
    /**
     * Your return page, which calls `completeIssuerReturn()`; the kit adds only its own opaque state to it.
     * Without it, the bank's page is opened with no way back, and the checks alone learn of the approval.
     */
    returnUrl?: string;
    /** Builds the bank's page URL. @defaultValue `issuerPageUrl`: `source` + `wpcallback` (+ `a2apayload`) */
    url?: IssuerPageUrlBuilder;
    /** Query parameter names, both ways. */
    params?: IssuerPageParams;
    /** The BroadcastChannel the return page posts on. @defaultValue 'stepup-kit-issuer-return' */
    channel?: string;
  };
  /** How often the kit asks by itself: 5 s, growing by 1.5 to 30 s, for 10 minutes. */
  poll?: PollOptions;
  /** Each status of an out-of-band step-up (the OTP statuses come to the step-up's own `onStatusChange`). */
  onStatusChange?: (status: OutOfBandStatus, state: OutOfBandState) => void;
}
