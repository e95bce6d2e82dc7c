// @vitest-environment node
import { isRetryable } from '../../src/core';
import { SessionLockTimeoutError, createMemorySessionStore, createStepUpRoutes, type SessionStore } from '../../src/server';
import { AUTH_BODY, signatureClient, startTestSandbox } from './helpers';
import { describeOutOfBandRoutes } from './out-of-band-suite';
import { describeRouteFaults } from './routes-faults-suite';
import { browserFor, describeStepUpRoutes, failure, kitKind } from './routes-suite';

describeStepUpRoutes('memory', () => createMemorySessionStore());
describeRouteFaults('memory', () => createMemorySessionStore());
describeOutOfBandRoutes('memory', () => createMemorySessionStore());

describe('step-up routes when the session lock cannot be had', () => {
  it('answer 503 busy, which the kit reads as a retryable server error rather than a wrong code', async () => {
    const server = await startTestSandbox();
    try {
      const store = createMemorySessionStore();
      const jammed: SessionStore = { ...store, withLock: async () => Promise.reject(new SessionLockTimeoutError(10)) };
      const sessionId = 'sess-busy';
      const routes = createStepUpRoutes({
        client: signatureClient(server),
        sessions: jammed,
        getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
      });
      await createStepUpRoutes({ client: signatureClient(server), sessions: store, getSessionId: () => sessionId }).startStepUp({
        sessionId,
        tokenId: 'tok-busy',
        authenticationOptionsBody: AUTH_BODY,
      });
      const error = await failure(
        browserFor(routes, sessionId).validateOtp(
          { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' }, otp: '123456' },
          { signal: new AbortController().signal },
        ),
      );
      expect(error.status).toBe(503);
      expect(error.body).toMatchObject({ error: { kind: 'busy' } });
      expect(isRetryable(kitKind(error, 'validate-otp'))).toBe(true);
      expect(server.sandbox.calls()).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
