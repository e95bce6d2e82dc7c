import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { StepUpOtp } from 'stepup-kit';
import { outOfBand } from 'stepup-kit/out-of-band';
import type { CheckoutView } from '../server/checkout-types';
import { CheckoutApiError, checkoutApi, deviceInformation, stepUpBackend } from './api';

type Card = CheckoutView['cards'][number];

function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(minor / 100);
}

// no-break spaces: "Visa •••• 4242" never breaks across lines
const cardLabel = (card: Card) => `${card.brand}\u00a0••••\u00a0${card.last4}`;

function errorText(error: unknown): string {
  return error instanceof CheckoutApiError ? error.message : 'Something went wrong. Please try again.';
}

/**
 * Every method the bank offers, codes and the ones that complete outside the page: its app, its website (opened
 * in a new window that comes back to our return page, `issuer-return.html`), a call to or from the bank. The
 * page is in English only, so the kit's built-in English words serve; another language would pass
 * `words: await loadOutOfBandWords(tag)` here, beside `<StepUpOtp locale>`.
 */
const outOfBandMethods = outOfBand({ issuerPage: { returnUrl: '/issuer-return.html' } });

/** Tabs of one session tell each other when the order changed; each then asks the server. */
const CHANNEL = 'checkout';

export function CheckoutPage() {
  const [view, setView] = useState<CheckoutView>();
  const [cardId, setCardId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const channel = useRef<BroadcastChannel | null>(null);

  const refresh = useCallback(async (signal?: AbortSignal) => {
    try {
      setView(await checkoutApi.load(signal));
    } catch (failure) {
      if (!signal?.aborted) setError(errorText(failure));
    }
  }, []);

  // Loading is a GET, so StrictMode's second run of this effect costs one more read, never a call to Visa.
  useEffect(() => {
    const abort = new AbortController();
    void refresh(abort.signal);
    return () => abort.abort();
  }, [refresh]);

  useEffect(() => {
    channel.current = new BroadcastChannel(CHANNEL);
    channel.current.onmessage = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      channel.current?.close();
      channel.current = null;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  /** Runs one checkout call at a time; the buttons are disabled meanwhile (and the server is idempotent anyway). */
  async function act(call: () => Promise<CheckoutView>) {
    setBusy(true);
    setError(undefined);
    try {
      setView(await call());
      channel.current?.postMessage('changed');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!view) {
    return (
      <Shell>
        {error ? <p role="alert" className="notice notice-error">{error}</p> : <p className="loading">Loading your order…</p>}
      </Shell>
    );
  }

  const { order } = view;
  const total = money(order.total, order.currency);
  const selected = cardId ?? order.cardId ?? view.cards[0]?.id;
  const payingWith = view.cards.find((c) => c.id === order.cardId);

  return (
    <Shell>
      {view.sandbox ? (
        <p className="notice notice-sandbox">
          Sandbox: the codes sent are on the <a href={view.sandbox.outboxUrl} target="_blank" rel="noreferrer">outbox page</a>, and
          Visa’s sandbox code <strong>{view.sandbox.goldenCode}</strong> works too. Calls and app approvals wait
          there for you to approve or decline them as the bank.
        </p>
      ) : null}
      <div className="layout">
        <OrderSummary view={view} />
        <section className="panel" aria-labelledby="payment-title">
          {order.status === 'placed' ? (
            <OrderPlaced view={view} card={payingWith} onNewOrder={() => void act(checkoutApi.newOrder)} busy={busy} />
          ) : order.status === 'step-up' && view.stepUp ? (
            <>
              <h2 id="payment-title">Payment</h2>
              <p className="lead">
                Your bank asks you to confirm this payment of {total} with {payingWith ? cardLabel(payingWith) : 'your card'}.
              </p>
              {view.stepUp.codesSent > 0 ? (
                <p className="notice">A code was already sent. If you ask for a new one, the earlier code stops working.</p>
              ) : null}
              <StepUpOtp
                // a new step-up (another card, another order) is a new component
                key={view.stepUp.clientCorrelationId}
                className="checkout-stepup"
                stepUpOptions={view.stepUp.stepUpOptions}
                clientCorrelationId={view.stepUp.clientCorrelationId}
                backend={stepUpBackend}
                outOfBand={outOfBandMethods}
                autoFocus
                // the browser's word is not enough: the server asks Visa's answer (getStepUp) before placing the order
                onVerified={() => void act(checkoutApi.confirm)}
                onCancel={() => void act(checkoutApi.cancel)}
                // a refused CSRF check is not a wrong code: no attempt is spent, "Try again" is offered
                classifyError={({ body }) => ((body as { error?: { kind?: string } } | undefined)?.error?.kind === 'csrf' ? 'unknown' : undefined)}
              />
              {busy ? <p className="loading" role="status">Placing your order…</p> : null}
              {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
            </>
          ) : (
            <>
              <h2 id="payment-title">Payment</h2>
              <CardChoice cards={view.cards} selected={selected} onSelect={setCardId} disabled={busy} />
              {order.status === 'passkey' && order.cardId === selected ? (
                <p role="alert" className="notice notice-warning">
                  Visa has a passkey for this card on this device and asks for passkey sign-in. Passkey sign-in is not
                  part of this example: please choose another card.
                </p>
              ) : null}
              {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
              <button
                type="button"
                className="pay"
                disabled={busy || !selected}
                onClick={() => selected && void act(() => checkoutApi.pay({ cardId: selected, device: deviceInformation() }))}
              >
                {busy ? 'Contacting your bank…' : `Pay ${total}`}
              </button>
            </>
          )}
        </section>
      </div>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="shop-header">
        <span className="shop-name">Example Shop</span>
        <span className="shop-secure">Secure checkout</span>
      </header>
      <main className="checkout">{children}</main>
    </>
  );
}

function OrderSummary({ view }: { view: CheckoutView }) {
  const { order } = view;
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Order summary</h2>
      <ul className="items">
        {order.items.map((item) => (
          <li key={item.name}>
            <span>
              {item.name}
              {item.quantity > 1 ? <span className="muted"> × {item.quantity}</span> : null}
            </span>
            <span>{money(item.quantity * item.unitPrice, order.currency)}</span>
          </li>
        ))}
        <li className="muted">
          <span>Shipping</span>
          <span>{money(order.shipping, order.currency)}</span>
        </li>
      </ul>
      <p className="total">
        <span>Total</span>
        <span>{money(order.total, order.currency)}</span>
      </p>
    </section>
  );
}

function CardChoice(props: { cards: Card[]; selected?: string; onSelect(id: string): void; disabled: boolean }) {
  const name = useId();
  return (
    <fieldset className="cards" disabled={props.disabled}>
      <legend>Card on file</legend>
      {props.cards.map((card) => (
        <label key={card.id} className="card-option">
          <input type="radio" name={name} value={card.id} checked={props.selected === card.id} onChange={() => props.onSelect(card.id)} />
          <span className="card-text">
            <span className="card-label">{cardLabel(card)}</span>
            <span className="card-detail">Expires {card.expiry}</span>
            {card.sandboxNote ? <span className="card-note">Sandbox: {card.sandboxNote}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function OrderPlaced(props: { view: CheckoutView; card?: Card; onNewOrder(): void; busy: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // the payment panel was replaced: take focus to what happened, so keyboard and screen reader users hear it
  useEffect(() => heading.current?.focus(), []);
  const { order } = props.view;
  return (
    <div className="placed">
      <h2 id="payment-title" ref={heading} tabIndex={-1}>
        Order placed
      </h2>
      <p>
        Thank you. Order <strong>{order.id}</strong>: {money(order.total, order.currency)}
        {props.card ? ` paid with ${cardLabel(props.card)}` : ''}.
      </p>
      <button type="button" className="secondary" onClick={props.onNewOrder} disabled={props.busy}>
        Start a new order
      </button>
    </div>
  );
}
