import type { RawStepUpOption } from '../core/types.js';

/**
 * The methods the sandbox can offer, by name: the three OTP channels, the three `APP_TO_APP` variants
 * (`APP_TO_APP`: the issuer's app approves through its own backend; `APP_TO_APP_CODE`: the app returns an
 * issuer authentication code; `APP_TO_APP_WEB`: the issuer's web page, `platformType` `WEB`, `subMethod` `3DS`),
 * `CUSTOMER_SERVICE` (the cardholder calls the bank) and `OUTBOUND_CALL` (the bank calls the cardholder).
 */
export type SandboxMethod =
  | 'OTP_SMS'
  | 'OTP_EMAIL'
  | 'OTP_ONLINE_BANKING'
  | 'APP_TO_APP'
  | 'APP_TO_APP_CODE'
  | 'APP_TO_APP_WEB'
  | 'CUSTOMER_SERVICE'
  | 'OUTBOUND_CALL';

/**
 * Where the web variant's `source` points until a sandbox server puts its own issuer page there
 * (`{url}/__issuer`): a reserved name, so nothing real is ever opened by mistake.
 */
export const SANDBOX_ISSUER_PAGE_URL = 'https://issuer.sandbox.invalid/a2a';

/** The option issued for each method; ids are fixed so tests and stories can name them. */
export const SANDBOX_METHOD_OPTIONS: Readonly<Record<SandboxMethod, RawStepUpOption>> = {
  OTP_SMS: { id: 'c21zLW9wdGlvbi0x', method: 'OTP_SMS', value: '***-***-1234', platformType: 'WEB' },
  OTP_EMAIL: { id: 'ZW1haWwtb3B0aW9uLTE=', method: 'OTP_EMAIL', value: 'j*****n@e*****e.com', platformType: 'WEB' },
  OTP_ONLINE_BANKING: { id: 'YmFuay1vcHRpb24tMQ==', method: 'OTP_ONLINE_BANKING', value: 'Acme Bank app', platformType: 'WEB' },
  APP_TO_APP: { id: 'YXBwLWJhY2tlbmQtMQ==', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'IOS', source: '1234567890' },
  APP_TO_APP_CODE: {
    id: 'YXBwLWNvZGUtMQ==',
    method: 'APP_TO_APP',
    value: 'Acme Bank',
    platformType: 'ANDROID',
    source: 'com.acmebank.mobile',
    requestPayload: 'eyJyZWFzb25Db2RlIjoiQ0FSREhPTERFUl9TVEVQVVAifQ',
  },
  APP_TO_APP_WEB: { id: 'YXBwLXdlYi0x', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'WEB', subMethod: '3DS', source: SANDBOX_ISSUER_PAGE_URL },
  CUSTOMER_SERVICE: { id: 'Y2FsbC1iYW5rLTE=', method: 'CUSTOMER_SERVICE', value: '1-800-555-1212' },
  OUTBOUND_CALL: { id: 'YmFuay1jYWxscy0x', method: 'OUTBOUND_CALL', value: '***-***-1234' },
};

/** Every method the sandbox knows, in the order it offers them. */
export const SANDBOX_METHODS = Object.keys(SANDBOX_METHOD_OPTIONS) as SandboxMethod[];

/** The raw `stepUpOptions` offering `methods`, in the order given (`sandbox.configure({ stepUpOptions })` takes them). */
export function sandboxStepUpOptions(methods: readonly SandboxMethod[]): RawStepUpOption[] {
  return methods.map((method) => {
    const option = SANDBOX_METHOD_OPTIONS[method];
    if (!option) throw new TypeError(`sandbox: unknown method ${String(method)}; known: ${SANDBOX_METHODS.join(', ')}`);
    return { ...option };
  });
}

/** Whether a name is one of `SANDBOX_METHODS`. */
export function isSandboxMethod(name: unknown): name is SandboxMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(SANDBOX_METHOD_OPTIONS, name);
}
