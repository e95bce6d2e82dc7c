// @vitest-environment node
/**
 * Random sequences of checks, selections, issuer codes and issuer decisions against the routes and the sandbox
 * server: never a 500, never more upstream calls than the limits allow, and verified only after the issuer approved
 * (by the control, or by a code it issued).
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { randomUUID } from 'node:crypto';
import { StepUpBackendError } from '../../src/core';
import { sandboxStepUpOptions } from '../../src/sandbox';
import type { SandboxServer } from '../../src/sandbox-server';
import { createMemorySessionStore, createStepUpRoutes } from '../../src/server';
import { AUTH_BODY, signatureClient, startTestSandbox } from './helpers';
import { ALL_METHODS, IDS, recordingClient } from './out-of-band-suite';
import { browserFor } from './routes-suite';

const LIMITS = { maxSendsPerStepUp: 2, maxValidationsPerCode: 2, maxChecksPerStepUp: 3, minCheckIntervalMs: 0 };
const ctx = () => ({ signal: new AbortController().signal });

const option = fc.constantFrom(IDS.OUTBOUND_CALL, IDS.CUSTOMER_SERVICE, IDS.APP_TO_APP, IDS.APP_TO_APP_CODE, IDS.OTP_SMS, 'foreign-option');
const command = fc.oneof(
  fc.record({ type: fc.constant('check' as const), fresh: fc.boolean() }),
  fc.record({ type: fc.constant('select' as const), option }),
  fc.record({ type: fc.constant('issuer-code' as const), option, valid: fc.boolean() }),
  fc.record({ type: fc.constant('decide' as const), decision: fc.constantFrom('approved' as const, 'declined' as const) }),
);
const step = fc.record({ command, copies: fc.integer({ min: 1, max: 3 }) });

let server: SandboxServer;
beforeAll(async () => {
  server = await startTestSandbox({ stepUpOptions: sandboxStepUpOptions(ALL_METHODS) });
});
afterAll(() => server.close());

propTest.prop([fc.array(step, { minLength: 1, maxLength: 10 })], { numRuns: 100 })(
  'never answers 500, keeps every upstream count within its limit, and verifies only after an approval',
  async (steps) => {
    const recorded = recordingClient(signatureClient(server));
    const routes = createStepUpRoutes({
      client: recorded.client,
      sessions: createMemorySessionStore(),
      getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
      basePath: '/api/step-up',
      ...LIMITS,
    });
    const sessionId = `sess-${randomUUID()}`;
    const tokenId = `tok-${randomUUID()}`;
    const { clientCorrelationId } = await routes.startStepUp({ sessionId, tokenId, authenticationOptionsBody: AUTH_BODY });
    const browser = browserFor(routes, sessionId);
    let approved = false;
    let validCodesSent = 0;

    for (const { command, copies } of steps) {
      if (command.type === 'decide') {
        server.sandbox.outOfBand.decide(tokenId, command.decision);
        approved ||= command.decision === 'approved';
        continue;
      }
      const code = command.type === 'issuer-code' && command.valid ? server.sandbox.outOfBand.issueCode(tokenId, command.option) : 'not-a-code';
      const call = () => {
        if (command.type === 'check') return browser.checkStepUp!({ clientCorrelationId, ...(command.fresh ? { secureToken: 'fresh' } : {}) }, ctx());
        if (command.type === 'select') return browser.submitSelection!({ clientCorrelationId, stepUpOption: { id: command.option } }, ctx());
        return browser.validateIssuerCode!({ clientCorrelationId, stepUpOption: { id: command.option }, issuerAuthCode: code }, ctx());
      };
      const settled = await Promise.allSettled(Array.from({ length: copies }, call));
      for (const result of settled) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(StepUpBackendError);
          expect((result.reason as StepUpBackendError).status).not.toBe(500);
          expect((result.reason as StepUpBackendError).kind).toBe('http');
        }
      }
      // a valid code for an APP_TO_APP option that Visa accepted is an approval by the issuer
      if (command.type === 'issuer-code' && command.valid && settled.some((r) => r.status === 'fulfilled')) {
        validCodesSent += 1;
        approved = true;
      }
      const status = await routes.getStepUp(sessionId);
      if (status?.verified) expect(approved).toBe(true);
    }

    const calls = (operation: 'createOtp' | 'validateOtp') => server.sandbox.calls(operation).filter((c) => c.tokenId === tokenId).length;
    expect(calls('createOtp')).toBeLessThanOrEqual(LIMITS.maxSendsPerStepUp);
    // per APP_TO_APP option: the refused codes allowed, and the one that verified
    expect(calls('validateOtp')).toBeLessThanOrEqual(2 * LIMITS.maxValidationsPerCode + Math.min(validCodesSent, 1));
    expect(recorded.bodies.length - 1).toBeLessThanOrEqual(LIMITS.maxChecksPerStepUp);
  },
  60_000,
);
