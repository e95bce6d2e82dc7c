/**
 * Domain types that mirror the Visa Acceptance TMS step-up payloads
 * (`/tms/v2/tokenized-cards/{tokenId}/authentication-options/…`).
 */

/** Step-up methods in the underscore spelling TMS uses. */
export type KnownStepUpMethod =
  | 'OTP_SMS'
  | 'OTP_EMAIL'
  | 'OTP_ONLINE_BANKING'
  | 'APP_TO_APP'
  | 'CUSTOMER_SERVICE'
  | 'OUTBOUND_CALL';

/** The methods that deliver a one-time password, the only ones `<StepUpOtp>` offers. */
export type OtpMethod = 'OTP_SMS' | 'OTP_EMAIL' | 'OTP_ONLINE_BANKING';

/**
 * One raw item of `stepUpOptions` from the authentication-options answer, as the issuer sent it.
 * Every field is optional here because the kit must survive whatever arrives.
 */
export interface RawStepUpOption {
  id?: string;
  method?: string;
  /** The display value: a masked phone number or email address, already masked by the issuer. */
  value?: string;
  platformType?: string;
  subMethod?: string;
  source?: string;
  requestPayload?: string;
  [key: string]: unknown;
}

/** A step-up option after normalisation. */
export interface StepUpOption {
  id: string;
  /** The method in underscore spelling, or the raw upper-cased method when it is not a known one. */
  method: KnownStepUpMethod | (string & {});
  /** Whether the method delivers a one-time password (SMS, email or online banking). */
  isOtp: boolean;
  /** The masked destination to show, when the issuer gave one. */
  value?: string;
  /** `IOS`, `ANDROID` or `WEB` for an `APP_TO_APP` option, when the issuer gave one. */
  platformType?: string;
  /** e.g. `3DS` (with `platformType` `WEB`): the issuer's web page variant of `APP_TO_APP`. */
  subMethod?: string;
  /** The issuer app's identity (an App Store id, an Android package) or, for the web variant, its page URL. Never log it. */
  source?: string;
  /** An opaque payload for the issuer app or page, passed on unchanged. Never log it. */
  requestPayload?: string;
  /** The option as it arrived. */
  raw: RawStepUpOption;
}

/** Body of `POST …/authentication-options/one-time-passwords` (the Visa body, plus the optional token id). */
export interface CreateOtpRequest {
  clientCorrelationId: string;
  stepUpOption: { id: string };
  /** Present only when the merchant passed `tokenId` to the component. */
  tokenId?: string;
}

/** Body of `POST …/authentication-options/validate`. */
export interface ValidateOtpRequest {
  clientCorrelationId: string;
  stepUpOption: { id: string };
  otp: string;
  /** Present only when the merchant passed `tokenId` to the component. */
  tokenId?: string;
}

/** Answer of createOtp. Values may be numbers or numeric strings. */
export interface CreateOtpResponse {
  maxRequestsAllowed?: number | string;
  maxVerificationAllowed?: number | string;
  codeExpiration?: number | string;
  [key: string]: unknown;
}

/** Answer of validate, e.g. `{ "action": "AUTHENTICATION_REGISTRATION" }`. */
export type ValidateOtpResponse = { action?: string } & Record<string, unknown>;

/** Body of `POST …/authentication-options/validate` with the code an issuer app or page returned instead of an `otp`. */
export interface ValidateIssuerCodeRequest {
  clientCorrelationId: string;
  stepUpOption: { id: string };
  /** 1 to 4 096 characters, passed through unchanged; never logged or stored. */
  issuerAuthCode: string;
  /** Present only when the merchant passed `tokenId` to the component. */
  tokenId?: string;
}

/** Asks whether the issuer has approved an out-of-band step-up (the server re-runs authentication-options). */
export interface CheckStepUpRequest {
  clientCorrelationId: string;
  /** A fresh device-session `secureToken` from this browser's VTS iframe, when the page has one. */
  secureToken?: string;
  /** Present only when the merchant passed `tokenId` to the component. */
  tokenId?: string;
}

/** Where an out-of-band step-up stands. */
export type CheckStepUpStatus = 'verified' | 'pending' | 'declined' | 'expired';

/** Answer of the check: `verified` (go on, e.g. to passkey registration), `pending` (keep waiting), `declined` or `expired` (choose again). */
export interface CheckStepUpResponse {
  status: CheckStepUpStatus;
  /** Visa's `action` when verified, e.g. `AUTHENTICATION_REGISTRATION`. */
  action?: string;
  [key: string]: unknown;
}

/** The choice of a method that sends no code (for `OUTBOUND_CALL` the issuer learns whom to call). */
export interface SubmitSelectionRequest {
  clientCorrelationId: string;
  stepUpOption: { id: string };
  /** Present only when the merchant passed `tokenId` to the component. */
  tokenId?: string;
}

/** Answer of a selection: whether the issuer was told (`notified`), and the sends these routes still allow. */
export type SubmitSelectionResponse = { notified?: boolean; maxRequestsAllowed?: number | string } & Record<string, unknown>;

/** What every backend call receives besides its body. */
export interface StepUpCallContext {
  /** Aborted when the cardholder cancels, changes method or the component unmounts. */
  signal: AbortSignal;
}

/**
 * The merchant-supplied backend. Each method forwards its body to the merchant's server, which calls Visa.
 * A rejected promise is a failure; `createFetchBackend` is the ready browser implementation.
 */
export interface StepUpBackend {
  createOtp(request: CreateOtpRequest, context: StepUpCallContext): Promise<CreateOtpResponse>;
  validateOtp(request: ValidateOtpRequest, context: StepUpCallContext): Promise<ValidateOtpResponse>;
  /**
   * Validates the code an issuer app or page returned (`APP_TO_APP`). Optional: a backend without it is never
   * asked for one, and the code-returning app variants are then not offered.
   */
  validateIssuerCode?(request: ValidateIssuerCodeRequest, context: StepUpCallContext): Promise<ValidateOtpResponse>;
  /**
   * Asks whether the issuer approved an out-of-band step-up. Optional: a backend without it never offers
   * `APP_TO_APP`, `CUSTOMER_SERVICE` or `OUTBOUND_CALL`, since nothing could learn of the approval.
   */
  checkStepUp?(request: CheckStepUpRequest, context: StepUpCallContext): Promise<CheckStepUpResponse>;
  /**
   * Submits the choice of a method that sends no code (`APP_TO_APP`, `CUSTOMER_SERVICE`, `OUTBOUND_CALL`): the
   * server remembers it for the check and tells the issuer when the method needs it (`stepup-kit/server`: only
   * `OUTBOUND_CALL` by default). Optional: a backend without it never offers `OUTBOUND_CALL`.
   */
  submitSelection?(request: SubmitSelectionRequest, context: StepUpCallContext): Promise<SubmitSelectionResponse>;
}

/** How `codeExpiration` is read. `auto` follows the rule in the README. */
export type CodeExpirationUnit = 'auto' | 'minutes' | 'seconds' | 'epoch-seconds' | 'epoch-milliseconds';

/** A createOtp answer after normalisation; unknown values are `undefined`. */
export interface OtpGrant {
  /** `createOtp` requests allowed in this step-up, the first one included. */
  maxRequests?: number;
  /** Validation attempts allowed for this code. */
  maxVerifications?: number;
  /** When the code expires, in epoch milliseconds. */
  expiresAt?: number;
}
