import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { SessionStore } from 'stepup-kit/server';
import type { CheckoutErrorBody } from './checkout-types.js';
import type { CheckoutSession } from './checkout.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_HEADER = 'x-csrf-token';
/** Idle lifetime of a shopper's session; every write renews it. */
export const SESSION_TTL_SECONDS = 1800;

/** A new random id: 32 bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id in a `Cookie` header (Express's `req.headers.cookie`, or a Web `Request`'s), if well-formed. */
export function readSessionId(cookieHeader: string | null | undefined): string | undefined {
  return /(?:^|;\s*)sid=([A-Za-z0-9_-]{43})(?:;|$)/.exec(cookieHeader ?? '')?.[1];
}

/** The store key of a session: a hash, so the cookie's value never appears in Redis or its logs. */
export function storeKey(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

/**
 * HttpOnly: page scripts (and an XSS) cannot read it. SameSite=Lax: other sites' forms and fetches do not
 * carry it. Secure whenever the request came over https (behind a proxy, set TRUST_PROXY so Express knows).
 */
export function setSessionCookie(req: Request, res: Response, sessionId: string): void {
  res.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

function refuse(res: Response, message: string): void {
  const body: CheckoutErrorBody = { error: { kind: 'csrf', message } };
  res.status(403).json(body);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF protection for every state-changing request (the checkout's and the step-up routes'):
 * 1. the browser's own word on where the request comes from: `Sec-Fetch-Site` must be `same-origin` and
 *    `Origin`, when sent, must be this server's origin (a page cannot forge either);
 * 2. a synchronizer token: `x-csrf-token` must equal the token of the session the cookie names. The page
 *    reads it from `GET /api/checkout`, a JSON answer no other origin can read, and no other origin can
 *    send a custom header without a CORS preflight, which this server never grants.
 * On success the session is in `res.locals.session` and its id in `res.locals.sessionId`.
 */
export function csrfProtection(sessions: SessionStore<CheckoutSession>) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const site = req.get('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') return refuse(res, 'The request came from another site.');
    const origin = req.get('origin');
    if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`) return refuse(res, 'The request came from another origin.');
    const sessionId = readSessionId(req.headers.cookie);
    const session = sessionId === undefined ? undefined : await sessions.get(storeKey(sessionId));
    const token = req.get(CSRF_HEADER);
    if (!session || !token || !sameSecret(token, session.csrfToken)) return refuse(res, 'The session or its CSRF token is missing or wrong.');
    res.locals.sessionId = sessionId;
    res.locals.session = session;
    next();
  };
}
