import { randomBytes } from 'node:crypto';
import { VisaApiError, type SessionStore, type StepUpRoutes } from 'stepup-kit/server';
import { CARDS, CART, CURRENCY, CURRENCY_NUMERIC, SHIPPING, orderTotal } from './catalog.js';
import type { CheckoutErrorKind, CheckoutView, OrderStatus, PayRequest, StepUpOptionView } from './checkout-types.js';
import { SESSION_TTL_SECONDS, newSecret, storeKey } from './session.js';

/** What the server keeps per shopper (JSON, so it can live in Redis). */
export interface CheckoutSession {
  v: 1;
  csrfToken: string;
  order: {
    id: string;
    status: OrderStatus;
    cardId?: string;
    /** What `startStepUp` returned, kept so that a repeated Pay, a reload or a second tab gets it again. */
    stepUp?: { stepUpOptions: StepUpOptionView[]; clientCorrelationId: string };
    placedAt?: number;
  };
}

/** A refusal of the checkout API, with the status and kind it answers. */
export class CheckoutError extends Error {
  constructor(
    readonly status: number,
    readonly kind: CheckoutErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** What the server knows of the shopper's request, for Visa's `deviceInformation`. */
export interface RequestContext {
  ip?: string;
  userAgent?: string;
  accept?: string;
  /** The shop's origin, e.g. `https://shop.example`. */
  origin: string;
}

export interface CheckoutOptions {
  stepUp: StepUpRoutes;
  sessions: SessionStore<CheckoutSession>;
  merchantName: string;
  sandbox?: CheckoutView['sandbox'];
  log(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Held while Pay calls Visa: longer than the Visa client's timeout (15 s), so a second Pay of the same
 * session (a double click, StrictMode, another tab, another server instance with Redis) waits for the first
 * one's answer instead of calling Visa again.
 */
const LOCK = { ttlMs: 25_000, waitMs: 30_000 };

function newOrder(): CheckoutSession['order'] {
  return { id: `ord_${randomBytes(6).toString('hex')}`, status: 'open' };
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The browser's own facts, as strings of bounded length; the server adds what it knows better (IP, user agent). */
function deviceInformation(device: PayRequest['device'], context: RequestContext): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    platformType: 'WEB',
    ipAddress: context.ip,
    userAgentBrowserValue: context.userAgent,
    httpAcceptContent: context.accept,
  };
  for (const key of ['httpBrowserLanguage', 'httpBrowserColorDepth', 'httpBrowserScreenHeight', 'httpBrowserScreenWidth',
    'httpBrowserTimeDifference', 'httpBrowserJavaEnabled', 'httpBrowserJavaScriptEnabled']) {
    const value = device?.[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value).slice(0, 64);
  }
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The checkout: the shopper's session and order, and the calls into `stepup-kit/server`. */
export function createCheckout(options: CheckoutOptions) {
  const { stepUp, sessions, log } = options;

  /** Runs `change` on the session under its lock and saves the result. */
  async function update(sessionId: string, change: (session: CheckoutSession) => Promise<void>): Promise<CheckoutSession> {
    const key = storeKey(sessionId);
    return sessions.withLock(
      key,
      async (lease) => {
        const session = await sessions.get(key);
        if (!session) throw new CheckoutError(403, 'csrf', 'The session has ended. Reload the page.');
        await change(session);
        await sessions.set(key, session, SESSION_TTL_SECONDS, lease);
        return session;
      },
      LOCK,
    );
  }

  function placeOrder(order: CheckoutSession['order']): void {
    // Charge the card here (Visa Acceptance payments, with the same tokenized card): not part of this example.
    order.status = 'placed';
    order.placedAt = Date.now();
    delete order.stepUp;
    log('order placed', { orderId: order.id, cardId: order.cardId, total: orderTotal(CART) });
  }

  return {
    async newSession(): Promise<{ sessionId: string; session: CheckoutSession }> {
      const sessionId = newSecret();
      const session: CheckoutSession = { v: 1, csrfToken: newSecret(), order: newOrder() };
      await sessions.set(storeKey(sessionId), session, SESSION_TTL_SECONDS);
      return { sessionId, session };
    },

    load: (sessionId: string) => sessions.get(storeKey(sessionId)),

    async view(sessionId: string, session: CheckoutSession): Promise<CheckoutView> {
      const { order } = session;
      const status = order.status === 'step-up' ? await stepUp.getStepUp(sessionId) : undefined;
      return {
        csrfToken: session.csrfToken,
        order: {
          id: order.id,
          items: CART.map((item) => ({ ...item })),
          shipping: SHIPPING,
          total: orderTotal(CART),
          currency: CURRENCY,
          status: order.status,
          ...(order.cardId ? { cardId: order.cardId } : {}),
          ...(order.placedAt ? { placedAt: order.placedAt } : {}),
        },
        cards: CARDS.map(({ id, brand, last4, expiry, sandboxNote }) => ({
          id, brand, last4, expiry, ...(options.sandbox ? { sandboxNote } : {}),
        })),
        ...(order.stepUp ? { stepUp: { ...order.stepUp, codesSent: status?.sendAttempts ?? 0 } } : {}),
        ...(options.sandbox ? { sandbox: options.sandbox } : {}),
      };
    },

    /**
     * Pay: asks Visa for the card's authentication options once per order and card. A repeat (double
     * click, StrictMode, reload, second tab) gets the stored answer; Visa is not called again.
     */
    pay(sessionId: string, request: PayRequest, context: RequestContext): Promise<CheckoutSession> {
      const card = CARDS.find((c) => c.id === request.cardId);
      if (!card) return Promise.reject(new CheckoutError(400, 'unknown-card', 'Choose one of your cards.'));
      return update(sessionId, async ({ order }) => {
        if (order.status === 'placed') return;
        if ((order.status === 'step-up' || order.status === 'passkey') && order.cardId === card.id) return;
        let result;
        try {
          result = await stepUp.startStepUp({
            sessionId,
            tokenId: card.tokenId,
            authenticationOptionsBody: {
              authenticatorRenderMethod: 'IFRAME',
              // Visa's authentication iframe gives the page a secureToken; this example has no iframe (the sandbox needs none)
              sessionInformation: {},
              orderInformation: { amountDetails: { totalAmount: (orderTotal(CART) / 100).toFixed(2), currency: CURRENCY_NUMERIC } },
              merchantInformation: { merchantDescriptor: { name: base64(options.merchantName), url: base64(context.origin) } },
              deviceInformation: deviceInformation(request.device, context),
            },
          });
        } catch (error) {
          if (!(error instanceof VisaApiError)) throw error;
          log('authentication-options failed', { kind: error.kind, status: error.status, visaCorrelationId: error.correlationId });
          // the bank said no to this card on this device (e.g. after declining a step-up on its page or on a call)
          if (error.kind === 'http' && error.status === 403 && /declin/i.test(error.reason ?? ''))
            throw new CheckoutError(402, 'card-declined', 'Your bank declined this card. Please choose another card.');
          throw new CheckoutError(502, 'card-network-unavailable', 'We could not reach the card network. Please try again.');
        }
        order.cardId = card.id;
        if (result.stepUp) {
          order.status = 'step-up';
          order.stepUp = { stepUpOptions: result.stepUpOptions, clientCorrelationId: result.clientCorrelationId };
        } else if (result.action === 'AUTHENTICATE') {
          // a passkey is registered for this card and device: Visa's iframe would take over (not in this example)
          order.status = 'passkey';
          delete order.stepUp;
        } else {
          placeOrder(order); // no step-up needed
        }
        log('pay', { orderId: order.id, cardId: card.id, action: result.action, stepUp: result.stepUp });
      });
    },

    /** After `<StepUpOtp onVerified>`: places the order only if the server confirms the step-up. */
    confirm(sessionId: string): Promise<CheckoutSession> {
      return update(sessionId, async ({ order }) => {
        if (order.status === 'placed') return;
        const card = CARDS.find((c) => c.id === order.cardId);
        const status = order.status === 'step-up' ? await stepUp.getStepUp(sessionId) : undefined;
        // never the browser's word: Visa must have accepted a code for this very step-up and card
        if (!status?.verified || !card || status.tokenId !== card.tokenId || status.clientCorrelationId !== order.stepUp?.clientCorrelationId)
          throw new CheckoutError(409, 'not-verified', 'The card has not been verified.');
        placeOrder(order);
        await stepUp.endStepUp(sessionId);
      });
    },

    /** The shopper left the step-up: back to the card choice. */
    cancel(sessionId: string): Promise<CheckoutSession> {
      return update(sessionId, async ({ order }) => {
        if (order.status === 'placed') return;
        if (order.status === 'step-up') await stepUp.endStepUp(sessionId);
        order.status = 'open';
        delete order.stepUp;
      });
    },

    /** After "Order placed": a new order in the same session. */
    newOrder(sessionId: string): Promise<CheckoutSession> {
      return update(sessionId, async (session) => {
        if (session.order.status === 'placed') session.order = newOrder();
      });
    },
  };
}

export type Checkout = ReturnType<typeof createCheckout>;
