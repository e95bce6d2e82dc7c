/** What the checkout API answers: shared by the server and, as types only, by the page. */

export type OrderStatus = 'open' | 'step-up' | 'passkey' | 'placed';

export interface StepUpOptionView {
  id: string;
  method: string;
  value?: string;
  /** For the methods that complete outside the page: what the browser needs to open the bank's app or page. */
  platformType?: string;
  subMethod?: string;
  source?: string;
  requestPayload?: string;
}

export interface CheckoutView {
  /** Sent back in the `x-csrf-token` header of every POST. */
  csrfToken: string;
  order: {
    id: string;
    items: { name: string; quantity: number; unitPrice: number }[];
    shipping: number;
    /** Minor units. */
    total: number;
    currency: string;
    status: OrderStatus;
    cardId?: string;
    placedAt?: number;
  };
  cards: { id: string; brand: string; last4: string; expiry: string; sandboxNote?: string }[];
  /** While `status` is `step-up`: what `<StepUpOtp>` needs, and how many codes were sent already. */
  stepUp?: { stepUpOptions: StepUpOptionView[]; clientCorrelationId: string; codesSent: number };
  /** Only when the server runs against the sandbox: where the codes can be read. */
  sandbox?: { outboxUrl: string; goldenCode: string };
}

/** Every error of the checkout API: `{ error: { kind, message } }`. */
export interface CheckoutErrorBody {
  error: { kind: CheckoutErrorKind; message: string };
}

export type CheckoutErrorKind =
  | 'csrf'
  | 'bad-request'
  | 'payload-too-large'
  | 'busy'
  | 'unknown-card'
  | 'not-verified'
  | 'card-declined'
  | 'card-network-unavailable'
  | 'internal';

/** The body of `POST /api/checkout/pay`. */
export interface PayRequest {
  cardId: string;
  /** What the browser knows of itself, for Visa's `deviceInformation`. */
  device?: Record<string, string | number | boolean>;
}
