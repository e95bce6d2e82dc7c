/**
 * Request and answer bodies of the three TMS step-up endpoints, as far as visa-step-up-api.md §1 documents
 * them. Every answer type is open (`[key: string]: unknown`): the feature is a pilot and fields may be added.
 */
import type { CreateOtpResponse, RawStepUpOption, ValidateOtpResponse } from '../core/types.js';

/** Body of `POST /tms/v2/tokenized-cards/{tokenId}/authentication-options`. */
export interface AuthenticationOptionsRequest {
  clientCorrelationId: string;
  /** e.g. `"IFRAME"`. */
  authenticatorRenderMethod?: string;
  sessionInformation?: { secureToken?: string; correlationId?: string; [key: string]: unknown };
  orderInformation?: { amountDetails?: { totalAmount?: string; currency?: string }; [key: string]: unknown };
  merchantInformation?: { merchantDescriptor?: { name?: string; url?: string }; [key: string]: unknown };
  deviceInformation?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The passkey context returned with `AUTHENTICATE`, handed to the VTS iframe. */
export interface AuthenticationContext {
  id?: string;
  endpoint?: string;
  payload?: string;
  [key: string]: unknown;
}

/** Answer of authentication-options: `STEP_UP_AUTHENTICATE` (or `…_AUTHENTICATION`) with `stepUpOptions`, or another action. */
export interface AuthenticationOptionsResponse {
  action?: string;
  stepUpOptions?: RawStepUpOption[];
  authenticationContext?: AuthenticationContext;
  [key: string]: unknown;
}

/** Body of `POST …/authentication-options/one-time-passwords` as Visa takes it (no `tokenId`: it is in the path). */
export interface CreateOtpBody {
  clientCorrelationId: string;
  stepUpOption: { id: string };
  sessionInformation?: { secureToken?: string; correlationId?: string };
  [key: string]: unknown;
}

/** Body of `POST …/authentication-options/validate`: an `otp` or an `issuerAuthCode`. */
export interface ValidateOtpBody {
  clientCorrelationId: string;
  stepUpOption: { id: string };
  otp?: string;
  issuerAuthCode?: string;
  [key: string]: unknown;
}

export type { CreateOtpResponse, ValidateOtpResponse };

/** A successful answer, with the id Visa support asks for. */
export interface VisaAnswer<T> {
  /** HTTP status (2xx). */
  status: number;
  /** The parsed JSON body. */
  body: T;
  /** The `v-c-correlation-id` response header, when Visa sent one: quote it to Visa support. */
  correlationId?: string;
}
