import { screen } from '@testing-library/react';
import type { FormEvent, ReactElement } from 'react';
import {
  EMAIL,
  GRANT,
  SMS,
  answer,
  codeInput,
  fail,
  renderStepUp,
  sendButton,
  sendCode,
  serverError,
  settle,
  typeCode,
  networkError,
  type RenderStepUpOptions,
} from './helpers';

/** The kit inside a merchant checkout form with its own field and submit button. */
function renderInCheckout(options: RenderStepUpOptions = {}) {
  const onSubmit = vi.fn((event: FormEvent) => event.preventDefault());
  const r = renderStepUp({
    ...options,
    wrap: (ui: ReactElement) => (
      <form aria-label="Checkout" onSubmit={onSubmit}>
        <label>
          Name on card
          <input type="text" />
        </label>
        {ui}
        <button type="submit">Pay</button>
      </form>
    ),
  });
  return { ...r, onSubmit };
}

function kitButtons(): HTMLButtonElement[] {
  return screen.queryAllByRole('button').filter((b) => b.textContent !== 'Pay') as HTMLButtonElement[];
}

describe('inside the merchant checkout form', () => {
  it('the harness notices a submit: Enter in the merchant field submits the checkout', async () => {
    const r = renderInCheckout();
    await r.user.click(screen.getByRole('textbox', { name: 'Name on card' }));
    await r.user.keyboard('{Enter}');

    expect(r.onSubmit).toHaveBeenCalledTimes(1);
  });

  it('renders no nested form', () => {
    const r = renderInCheckout();
    expect(r.container.querySelectorAll('form')).toHaveLength(1);
  });

  it('Enter on a radio sends the code and does not submit the checkout', async () => {
    const r = renderInCheckout({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await r.user.keyboard('{Enter}');
    await settle();

    expect(r.onSubmit).not.toHaveBeenCalled();
    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('Enter on a radio with nothing chosen yet does not submit the checkout either', async () => {
    const r = renderInCheckout({ stepUpOptions: [SMS, EMAIL] });
    screen.getByRole('radio', { name: 'Email to j***@example.com' }).focus();
    await r.user.keyboard('{Enter}');
    await settle();

    expect(r.onSubmit).not.toHaveBeenCalled();
  });

  it('Enter in the code field validates the code and does not submit the checkout', async () => {
    const r = renderInCheckout();
    await sendCode(r, GRANT);
    await r.user.keyboard('12{Enter}');
    expect(r.onSubmit).not.toHaveBeenCalled();
    expect(r.validateOtp).not.toHaveBeenCalled();

    await r.user.keyboard('3456{Enter}');
    await settle();
    expect(r.onSubmit).not.toHaveBeenCalled();
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
  });

  it('no button of the kit submits the checkout, in any state', async () => {
    const r = renderInCheckout({ stepUpOptions: [SMS, EMAIL], onCancel: vi.fn() });
    const seen = new Set<string>();
    const clickAll = async (names: string[]) => {
      for (const button of kitButtons()) {
        expect(button).toHaveAttribute('type', 'button');
        seen.add(button.textContent ?? '');
      }
      for (const name of names) {
        await r.user.click(screen.getByRole('button', { name }));
        await settle();
      }
    };

    // choice: Send without a choice (refused), then with one
    await clickAll(['Send code']);
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await r.user.click(sendButton());
    await settle();
    await clickAll([]);
    await fail(r.lastCreate(), serverError());
    await clickAll(['Try again']);
    await answer(r.lastCreate(), GRANT);
    // code entry: Verify with an incomplete code, Resend, Use another method
    await clickAll(['Verify', 'Resend code']);
    await answer(r.lastCreate(), GRANT);
    await typeCode(r, '123456');
    await fail(r.lastValidate(), networkError());
    await clickAll(['Try again']);
    await fail(r.lastValidate(), networkError());
    await clickAll(['Use another method']);
    await clickAll(['Cancel']);

    expect(seen).toEqual(
      new Set(['Send code', 'Sending…', 'Try again', 'Verify', 'Resend code', 'Use another method', 'Cancel']),
    );
    expect(r.onSubmit).not.toHaveBeenCalled();
  });

  it('the code never travels with the checkout form', async () => {
    const r = renderInCheckout();
    await sendCode(r, GRANT);
    await r.user.keyboard('12345');

    const form = screen.getByRole('form', { name: 'Checkout' }) as HTMLFormElement;
    const values = [...new FormData(form).values()].map(String);
    expect(values.some((v) => v.includes('12345'))).toBe(false);
    expect(codeInput()).not.toHaveAttribute('name');
  });
});
