/**
 * What this example sells and the cards the shopper has on file. In a real shop both come from your
 * database: a card on file is a Visa Acceptance TMS tokenized card, known to the browser only by your own id.
 */

export interface LineItem {
  name: string;
  quantity: number;
  /** Minor units (cents). */
  unitPrice: number;
}

export interface CardOnFile {
  /** Your id for the card: the only one the browser sees. */
  id: string;
  /** The TMS tokenized card id: it never leaves the server. */
  tokenId: string;
  brand: 'Visa';
  last4: string;
  expiry: string;
  /** What the sandbox does with this card, shown on the page in sandbox mode only. */
  sandboxNote: string;
}

export const CURRENCY = 'EUR';
/** ISO 4217 numeric code of `CURRENCY`, as Visa's authentication-options example writes it. */
export const CURRENCY_NUMERIC = '978';

export const CART: readonly LineItem[] = [
  { name: 'Trail running shoes', quantity: 1, unitPrice: 8900 },
  { name: 'Merino socks', quantity: 2, unitPrice: 1200 },
];
export const SHIPPING = 490;

export const CARDS: readonly CardOnFile[] = [
  { id: 'card_4242', tokenId: 'tok_demo_stepup_4242', brand: 'Visa', last4: '4242', expiry: '09/29', sandboxNote: 'Visa asks for a step-up (a one-time code)' },
  { id: 'card_1881', tokenId: 'tok_demo_frictionless_1881', brand: 'Visa', last4: '1881', expiry: '03/28', sandboxNote: 'no step-up needed' },
  { id: 'card_0005', tokenId: 'tok_demo_passkey_0005', brand: 'Visa', last4: '0005', expiry: '12/27', sandboxNote: 'a passkey is registered (AUTHENTICATE)' },
  {
    id: 'card_8210',
    tokenId: 'tok_demo_bank_8210',
    brand: 'Visa',
    last4: '8210',
    expiry: '06/30',
    sandboxNote: 'codes, and ways your bank confirms outside the page (its app, its website, a call)',
  },
];

/** What the sandbox server answers for each card (its `tokenActions` option), so every path can be tried. */
export const SANDBOX_TOKEN_ACTIONS = {
  tok_demo_frictionless_1881: 'AUTHENTICATION_REGISTRATION',
  tok_demo_passkey_0005: 'AUTHENTICATE',
} as const;

/**
 * The step-up methods the sandbox server offers per card (`sandbox.outOfBand.offer`); other cards get the
 * sandbox's three code channels. The ones that send no code complete outside the page: the bank's app
 * approves through its own backend, its website opens in a new window and comes back to `/issuer-return.html`,
 * the shopper calls the bank, or the bank calls the shopper.
 */
export const SANDBOX_TOKEN_METHODS = {
  tok_demo_bank_8210: ['OTP_SMS', 'OTP_EMAIL', 'APP_TO_APP', 'APP_TO_APP_WEB', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL'],
} as const;

export function orderTotal(items: readonly LineItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, SHIPPING);
}
