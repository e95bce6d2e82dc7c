import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import path from 'node:path';
import { SessionLockTimeoutError, SessionStoreUnavailableError, toNodeHandler, type SessionStore, type StepUpRoutes } from 'stepup-kit/server';
import { CheckoutError, type Checkout, type CheckoutSession, type RequestContext } from './checkout.js';
import type { CheckoutErrorBody, CheckoutErrorKind, PayRequest } from './checkout-types.js';
import { csrfProtection, readSessionId, setSessionCookie } from './session.js';

export interface AppOptions {
  checkout: Checkout;
  stepUp: StepUpRoutes;
  sessions: SessionStore<CheckoutSession>;
  /** The built page (`build/client`); left out, only the API is served. */
  staticDir?: string;
  /** Express's `trust proxy` (e.g. `loopback`, `1`): set it behind a TLS-terminating proxy so cookies get `Secure`. */
  trustProxy?: string;
  log(message: string, fields?: Record<string, unknown>): void;
}

function errorBody(kind: CheckoutErrorKind, message: string): CheckoutErrorBody {
  return { error: { kind, message } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function requestContext(req: Request): RequestContext {
  return { ip: req.ip, userAgent: req.get('user-agent'), accept: req.get('accept'), origin: `${req.protocol}://${req.get('host')}` };
}

/** The checkout's Express app: the page, the checkout API and the step-up routes of `stepup-kit/server`. */
export function createApp({ checkout, stepUp, sessions, staticDir, trustProxy, log }: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use((_req, res, next) => {
    res.set({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' });
    next();
  });
  app.use('/api', (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  // Parses JSON for the checkout API. The step-up routes take the parsed body too; a body that is not JSON
  // never reaches them or the checkout: express.json() hands a 400 error to the handler at the end.
  app.use(express.json({ limit: '16kb' }));
  const csrf = csrfProtection(sessions);
  const sessionId = (res: Response) => res.locals.sessionId as string;

  // POST /api/step-up/one-time-passwords and /validate, and for the methods that complete outside the page
  // /selection, /check and /issuer-code, which <StepUpOtp> calls through createFetchBackend: the CSRF check
  // first, then the kit's handler (it reads the session from the cookie)
  app.use('/api/step-up', csrf, toNodeHandler(stepUp));

  app.get('/api/checkout', async (req, res) => {
    let id = readSessionId(req.headers.cookie);
    let session = id === undefined ? undefined : await checkout.load(id);
    if (id === undefined || !session) {
      ({ sessionId: id, session } = await checkout.newSession());
      setSessionCookie(req, res, id);
    }
    res.json(await checkout.view(id, session));
  });

  app.post('/api/checkout/pay', csrf, async (req, res) => {
    const body: unknown = req.body;
    if (!isRecord(body) || typeof body.cardId !== 'string') throw new CheckoutError(400, 'bad-request', 'Choose a card.');
    const request: PayRequest = { cardId: body.cardId, ...(isRecord(body.device) ? { device: body.device as PayRequest['device'] } : {}) };
    const session = await checkout.pay(sessionId(res), request, requestContext(req));
    res.json(await checkout.view(sessionId(res), session));
  });

  for (const action of ['confirm', 'cancel', 'new-order'] as const) {
    const run = { confirm: checkout.confirm, cancel: checkout.cancel, 'new-order': checkout.newOrder }[action];
    app.post(`/api/checkout/${action}`, csrf, async (_req, res) => {
      const session = await run(sessionId(res));
      res.json(await checkout.view(sessionId(res), session));
    });
  }

  app.use('/api', (_req, res) => void res.status(404).json(errorBody('bad-request', 'No such API route.')));
  if (staticDir) {
    app.use(express.static(staticDir, { index: 'index.html' }));
    app.get('/{*page}', (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }

  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof CheckoutError) return void res.status(error.status).json(errorBody(error.kind, error.message));
    // from express.json(): malformed JSON (400) or a body over the limit (413), before any route ran.
    // Answered as JSON with the kinds stepup-kit reads as "not the cardholder's code", never as a wrong code.
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') return void res.status(400).json(errorBody('bad-request', 'The body is not valid JSON.'));
    if (type === 'entity.too.large') return void res.status(413).json(errorBody('payload-too-large', 'The body is too large.'));
    if (error instanceof SessionLockTimeoutError || error instanceof SessionStoreUnavailableError)
      return void res.status(503).json(errorBody('busy', 'The shop is busy. Please try again.'));
    log('request failed', { error: error instanceof Error ? error.message : String(error) });
    res.status(500).json(errorBody('internal', 'Something went wrong on our side.'));
  };
  app.use(onError);
  return app;
}
