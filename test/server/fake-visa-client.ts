// @vitest-environment node
/**
 * A stand-in Visa client for tests that need no HTTP: it offers one SMS option, sends and accepts unless
 * told otherwise, and counts its calls.
 */
import type { VisaAcceptanceClient } from '../../src/server';

export const FAKE_OPTION_ID = 'c21zLW9wdGlvbi0x';

export type FakeVisaClient = VisaAcceptanceClient & {
  calls: { authenticationOptions: number; createOtp: number; validateOtp: number };
};

export function fakeVisaClient(overrides: Partial<Pick<VisaAcceptanceClient, 'createOtp' | 'validateOtp' | 'timeoutMs'>> = {}): FakeVisaClient {
  const calls = { authenticationOptions: 0, createOtp: 0, validateOtp: 0 };
  const client: VisaAcceptanceClient = {
    merchantId: 'stepup_test_merchant',
    baseUrl: 'https://visa.test',
    timeoutMs: overrides.timeoutMs ?? 15_000,
    authenticationOptions: async () => {
      calls.authenticationOptions += 1;
      return {
        status: 201,
        body: { action: 'STEP_UP_AUTHENTICATE', stepUpOptions: [{ id: FAKE_OPTION_ID, method: 'OTP_SMS', value: '***-***-1234' }] },
      };
    },
    createOtp: async (...args) => {
      calls.createOtp += 1;
      if (overrides.createOtp) return overrides.createOtp(...args);
      return { status: 201, body: { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 } };
    },
    validateOtp: async (...args) => {
      calls.validateOtp += 1;
      if (overrides.validateOtp) return overrides.validateOtp(...args);
      return { status: 200, body: { action: 'AUTHENTICATION_REGISTRATION' } };
    },
  };
  return Object.assign(client, { calls });
}

/** A JSON POST to the routes, as the kit's fetch backend sends it. */
export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://shop.test/api/step-up/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
