/**
 * Regression tests for the two defects found by property-based testing of the component (issue 10): a
 * failed send that left the cardholder nothing to do, and a code that stayed "live" after its deadline
 * passed during a check answered with something that is not a Visa answer.
 */
import { screen } from '@testing-library/react';
import { StepUpBackendError, type StepUpErrorKind } from '../../src';
import {
  SMS,
  advance,
  answer,
  fail,
  renderStepUp,
  restoreClock,
  root,
  sendButton,
  settle,
  shown,
  useFakeClock,
  type Rendered,
} from './helpers';

/**
 * The enabled controls a cardholder can still use: buttons, the code field, and radios that would change
 * the choice (choosing the one already checked does nothing).
 */
function enabledControls(): HTMLElement[] {
  const controls = [
    ...screen.queryAllByRole('button'),
    ...screen.queryAllByRole('radio').filter((radio) => !(radio as HTMLInputElement).checked),
    ...screen.queryAllByRole('textbox'),
  ];
  return controls.filter(
    (c) => !(c as HTMLButtonElement).disabled && c.getAttribute('aria-disabled') !== 'true' && !c.closest('fieldset:disabled'),
  );
}

function routeRefusal(kind: string): StepUpBackendError {
  return new StepUpBackendError('http', 'POST /one-time-passwords answered 400', {
    status: 400,
    body: { error: { kind, message: 'refused' } },
  });
}

async function failFirstSend(r: Rendered, reason: unknown): Promise<void> {
  await r.user.click(sendButton());
  await settle();
  await fail(r.lastCreate(), reason);
}

describe('a failed send never leaves the cardholder with nothing to do', () => {
  it.each(['attempts-exhausted', 'expired', 'invalid-otp', 'code-unconfirmed'])(
    'a code-only kind from the server (%s) does not classify a send: "Try again" is offered',
    async (kind) => {
      const r = renderStepUp({ stepUpOptions: [SMS] });
      await failFirstSend(r, routeRefusal(kind));

      expect(root()).toHaveAttribute('data-status', 'send-failed');
      expect(screen.getByRole('alert')).toHaveTextContent('We couldn’t send a code there. Try again or choose another method.');
      expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
      expect(r.onError.mock.calls.map(([e]) => (e as { kind: string }).kind)).toEqual(['send-rejected']);
    },
  );

  it('a merchant classifier that calls every 400 a wrong code does not classify a send as one', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS], classifyError: ({ status }) => (status === 400 ? 'invalid-otp' : undefined) });
    await failFirstSend(r, routeRefusal('something'));

    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });

  const kinds: StepUpErrorKind[] = [
    'no-otp-options',
    'send-rejected',
    'resends-exhausted',
    'invalid-otp',
    'attempts-exhausted',
    'expired',
    'code-unconfirmed',
    'rate-limited',
    'server-error',
    'network',
    'timeout',
    'malformed-response',
    'unknown',
  ];
  it.each(kinds)('whatever a classifier says (%s), an enabled control or the end of the road is shown', async (kind) => {
    const r = renderStepUp({ stepUpOptions: [SMS], classifyError: () => kind });
    await failFirstSend(r, routeRefusal('something'));

    const noMoreCodes = screen.queryAllByText(/No more codes can be sent for this card/).length > 0;
    expect(enabledControls().length > 0 || noMoreCodes).toBe(true);
  });
});

describe('a code whose deadline passes while it is checked ends as expired on every answer', () => {
  beforeEach(() => useFakeClock());
  afterEach(() => restoreClock());

  it.each<[string, unknown]>([
    ['an empty array', []],
    ['null', null],
    ['a string', 'OK'],
  ])('a validate answer that is %s, arriving after the deadline', async (_label, malformed) => {
    const r = renderStepUp({ stepUpOptions: [SMS] });
    await r.user.click(sendButton());
    await settle();
    await answer(r.lastCreate(), { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 1 });
    await advance(58_000);
    await r.user.keyboard('123456');
    await settle();
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    await advance(3_000);

    await answer(r.lastValidate(), malformed as never);
    await advance(1_000);

    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(shown('This code has expired. Request a new code.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(r.onError.mock.calls.map(([e]) => (e as { kind: string }).kind)).toEqual(['expired']);
  });
});
