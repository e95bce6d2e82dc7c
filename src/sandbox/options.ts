import type { RawStepUpOption } from '../core/types.js';
import { cryptoRandom } from './codes.js';

/** How the simulator misbehaves, for stories and tests of the failure paths. */
export type SandboxFailure =
  | 'none'
  /** createOtp answers 500 with a Visa error body. */
  | 'send-server-error'
  /** createOtp answers 400 (the issuer refuses this channel). */
  | 'send-rejected'
  /** validate answers 500. */
  | 'validate-server-error'
  /** every call fails before an answer (as `fetch` does offline). */
  | 'network'
  /** createOtp answers a body that is not the Visa shape. */
  | 'malformed'
  /** every call hangs until it is aborted. */
  | 'hang';

/** How the simulator states `codeExpiration` in its createOtp answer. */
export type SandboxExpirationFormat = 'minutes' | 'seconds' | 'epoch-seconds' | 'epoch-milliseconds';

export interface SandboxOptions {
  /** The step-up options issued for every token. */
  stepUpOptions?: RawStepUpOption[];
  /** Code lifetime in seconds. @defaultValue 300 */
  codeLifetimeSeconds?: number;
  /** How `codeExpiration` is written in the answer. @defaultValue 'minutes' */
  expirationFormat?: SandboxExpirationFormat;
  /** `createOtp` calls allowed per token. @defaultValue 3 */
  maxRequestsAllowed?: number;
  /** Validation attempts allowed per code. @defaultValue 3 */
  maxVerificationAllowed?: number;
  /** Answer the three numbers as strings, as Visa's VTS SDK types them. @defaultValue false */
  numbersAsStrings?: boolean;
  /**
   * Answer 0 for `maxRequestsAllowed` and `maxVerificationAllowed`, as Visa's documented example does, while
   * still enforcing the limits above. @defaultValue false
   */
  limitsUnknown?: boolean;
  /** Accept Visa's sandbox golden code `456789` for every code (or another fixed code). @defaultValue false */
  goldenCode?: boolean | string;
  /** Digits per generated code. @defaultValue 6 */
  codeLength?: number;
  /** Delay of every answer in milliseconds. @defaultValue 0 */
  latencyMs?: number;
  failure?: SandboxFailure;
  /** The clock (epoch ms). @defaultValue Date.now */
  now?: () => number;
  /** A source of numbers in [0, 1) for the codes. @defaultValue crypto-random */
  random?: () => number;
}

export const DEFAULT_SANDBOX_OPTIONS: RawStepUpOption[] = [
  { id: 'c21zLW9wdGlvbi0x', method: 'OTP_SMS', value: '***-***-1234', platformType: 'WEB' },
  { id: 'ZW1haWwtb3B0aW9uLTE=', method: 'OTP_EMAIL', value: 'j*****n@e*****e.com', platformType: 'WEB' },
  { id: 'YmFuay1vcHRpb24tMQ==', method: 'OTP_ONLINE_BANKING', value: 'Acme Bank app', platformType: 'WEB' },
];

export const SANDBOX_GOLDEN_CODE = '456789';

/** The options in force: every default filled in, the golden code resolved to the code itself or `false`. */
export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, 'goldenCode'>> & { goldenCode: string | false };

/** Fills in the defaults (see each option). */
export function resolveSandboxOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const golden = options.goldenCode === true ? SANDBOX_GOLDEN_CODE : options.goldenCode || false;
  return {
    stepUpOptions: options.stepUpOptions ?? DEFAULT_SANDBOX_OPTIONS,
    codeLifetimeSeconds: options.codeLifetimeSeconds ?? 300,
    expirationFormat: options.expirationFormat ?? 'minutes',
    maxRequestsAllowed: options.maxRequestsAllowed ?? 3,
    maxVerificationAllowed: options.maxVerificationAllowed ?? 3,
    numbersAsStrings: options.numbersAsStrings ?? false,
    limitsUnknown: options.limitsUnknown ?? false,
    goldenCode: golden,
    codeLength: options.codeLength ?? 6,
    latencyMs: options.latencyMs ?? 0,
    failure: options.failure ?? 'none',
    now: options.now ?? Date.now,
    random: options.random ?? cryptoRandom,
  };
}
