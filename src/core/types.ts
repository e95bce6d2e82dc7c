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
