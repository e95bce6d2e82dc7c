// @vitest-environment node
/**
 * What the store fault tests share: a merchant server instance on a given store, a step-up started on it, and
 * route calls timed from the outside, so that a route that never answers fails the test instead of hanging it.
 */
import { randomUUID } from 'node:crypto';
import { createStepUpRoutes, type SessionStore, type StepUpRoutes, type StepUpRoutesOptions } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { AUTH_BODY, signatureClient, sleep } from './helpers';

export const SMS = 'c21zLW9wdGlvbi0x';

export interface TimedAnswer {
  /** The HTTP status, or `'no answer'` when the route had not answered within the test's patience. */
  status: number | 'no answer';
  kind?: string;
  contentType?: string | null;
  ms: number;
}

export function routesOn(server: SandboxServer, sessions: SessionStore, options: Partial<StepUpRoutesOptions> = {}): StepUpRoutes {
  return createStepUpRoutes({
    client: signatureClient(server),
    sessions,
    getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
    basePath: '/api/step-up',
    ...options,
  });
}

/** One POST to the routes, given up on (as `'no answer'`) after `patienceMs`. */
export async function timedCall(
  routes: StepUpRoutes,
  action: 'one-time-passwords' | 'validate',
  sessionId: string,
  body: Record<string, unknown>,
  patienceMs = 5_000,
): Promise<TimedAnswer> {
  const started = performance.now();
  const request = new Request(`http://shop.test/api/step-up/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-id': sessionId },
    body: JSON.stringify(body),
  });
  let timer: NodeJS.Timeout | undefined;
  const answer = await Promise.race([
    routes(request).then(async (response) => {
      const json = (await response.json()) as { error?: { kind?: string } };
      return { status: response.status, kind: json.error?.kind, contentType: response.headers.get('content-type') };
    }),
    new Promise<{ status: 'no answer' }>((resolve) => (timer = setTimeout(() => resolve({ status: 'no answer' }), patienceMs))),
  ]);
  clearTimeout(timer);
  return { ...answer, ms: performance.now() - started };
}

/** A step-up started on `routes`, with the bodies of its send and of its validate with the code that was sent. */
export async function startedStepUp(routes: StepUpRoutes, server: SandboxServer) {
  const sessionId = `sess-${randomUUID()}`;
  const tokenId = `tok-${randomUUID()}`;
  const { clientCorrelationId } = await routes.startStepUp({ sessionId, tokenId, authenticationOptionsBody: AUTH_BODY });
  const send = { clientCorrelationId, stepUpOption: { id: SMS } };
  return {
    sessionId,
    tokenId,
    send,
    /** The validate body with the latest code sent for this token. */
    validate: () => ({ ...send, otp: server.sandbox.outbox().filter((m) => m.tokenId === tokenId).at(-1)!.code }),
    sends: () => server.sandbox.calls('createOtp').filter((c) => c.tokenId === tokenId).length,
    validations: () => server.sandbox.calls('validateOtp').filter((c) => c.tokenId === tokenId).length,
  };
}

/** Repeats `call` until it answers something other than 503 (the store is back), for at most `withinMs`. */
export async function untilAvailable(call: () => Promise<TimedAnswer>, withinMs = 10_000): Promise<TimedAnswer> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const answer = await call();
    if (answer.status !== 503 || Date.now() > deadline) return answer;
    await sleep(100);
  }
}
