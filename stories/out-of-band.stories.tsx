import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, useSyncExternalStore } from 'react';
import { expect, fn, spyOn, waitFor, within } from 'storybook/test';
import { StepUpOtp, type StepUpBackend, type StepUpOtpProps } from '../src';
import ar from '../src/locales/ar';
import { outOfBand, type OutOfBandOptions } from '../src/out-of-band';
import arWords from '../src/out-of-band/locales/ar';
import { createSandbox, sandboxStepUpOptions, type SandboxMethod, type SandboxOptions, type StepUpSandbox } from '../src/sandbox';
import { DARK_THEME } from './support/dark';
import { sandboxLoader } from './support/sandbox';

/** The token the simulator answers for when `<StepUpOtp>` is given no `tokenId`. */
const TOKEN = 'sandbox-token';
const EVERY_METHOD: SandboxMethod[] = ['OTP_SMS', 'OTP_EMAIL', 'APP_TO_APP', 'APP_TO_APP_WEB', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL'];

/** What a story changes around `<StepUpOtp outOfBand>`: the backend (from the story's simulator) and `outOfBand()`'s options. */
interface OutOfBandStage {
  backend?: (sandbox: StepUpSandbox) => StepUpBackend;
  options?: (sandbox: StepUpSandbox) => OutOfBandOptions;
}

/** The issuer's side, for a person trying the story: approve or decline as the bank's agent or app would. */
function SimulatedBank({ sandbox }: { sandbox: StepUpSandbox }) {
  const decision = useSyncExternalStore(
    (l) => sandbox.subscribe(l),
    () => sandbox.outOfBand.decision(TOKEN),
  );
  return (
    <aside aria-label="Simulated bank" className="sb-device">
      <p className="sb-device-title">Simulated bank</p>
      <p>{decision ? `The bank has ${decision} this card.` : 'The bank has not decided yet.'}</p>
      <p style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <button type="button" onClick={() => sandbox.outOfBand.decide(TOKEN, 'approved')}>
          Approve as the bank
        </button>
        <button type="button" onClick={() => sandbox.outOfBand.decide(TOKEN, 'declined')}>
          Decline as the bank
        </button>
      </p>
    </aside>
  );
}

/** `<StepUpOtp>` with `outOfBand()` against the story's simulator; made once, so a re-render keeps the same backend. */
function Stage({ args, sandbox, stage }: { args: StepUpOtpProps; sandbox: StepUpSandbox; stage: OutOfBandStage }) {
  const [backend] = useState(() => stage.backend?.(sandbox) ?? sandbox.backend);
  const [methods] = useState(() => outOfBand(stage.options?.(sandbox)));
  return (
    <div className="sb-stage">
      <StepUpOtp {...args} backend={backend} outOfBand={methods} />
      <SimulatedBank sandbox={sandbox} />
    </div>
  );
}

/**
 * The methods that complete outside the page, through `<StepUpOtp outOfBand={outOfBand()}>`: approve in the
 * bank's app or on its page, call the bank, or be called by it. Each story plays the cardholder's steps to
 * one screen against the in-browser simulator; the box beside it approves or declines as the bank.
 */
const meta = {
  title: 'StepUpOtp/Bank app, page and calls',
  component: StepUpOtp,
  loaders: [sandboxLoader],
  argTypes: {
    backend: { control: false },
    queryClient: { control: false },
    now: { control: false },
    outOfBand: { control: false },
  },
  args: {
    stepUpOptions: sandboxStepUpOptions(EVERY_METHOD),
    // replaced in render by the story's own simulator (see sandboxLoader)
    backend: createSandbox().backend,
    onVerified: fn(),
    onError: fn(),
    onCancel: fn(),
  },
  render: (args, { loaded, parameters }) => (
    <Stage args={args} sandbox={loaded.sandbox as StepUpSandbox} stage={(parameters.outOfBand ?? {}) as OutOfBandStage} />
  ),
} satisfies Meta<typeof StepUpOtp>;
export default meta;
type Story = StoryObj<typeof meta>;
type Play = NonNullable<Story['play']>;
type Context = Parameters<Play>[0];

/** The options of `methods`, offered by the story's simulator and given to `<StepUpOtp>`. */
function offering(methods: SandboxMethod[], sandbox: SandboxOptions = {}, stage: OutOfBandStage = {}) {
  const stepUpOptions = sandboxStepUpOptions(methods);
  return { args: { stepUpOptions }, parameters: { sandbox: { stepUpOptions, ...sandbox }, outOfBand: stage } };
}

function sandboxOf({ loaded }: Context): StepUpSandbox {
  return loaded.sandbox as StepUpSandbox;
}

/** The out-of-band panel once it has `status` (its `data-status`). */
async function panel({ canvasElement }: Context, status: string, timeout = 4000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = canvasElement.querySelector<HTMLElement>('[data-part="out-of-band"]');
      expect(found).toHaveAttribute('data-status', status);
      return found!;
    },
    { timeout },
  );
}

/** What the panel tells the cardholder to do now (or the bank's answer). */
function instruction(element: HTMLElement): HTMLElement {
  return element.querySelector<HTMLElement>('[data-part="out-of-band-instruction"]')!;
}

/** Presses Continue on the only option offered, and waits for the panel's `status`. */
async function start(context: Context, status = 'waiting'): Promise<HTMLElement> {
  await context.userEvent.click(context.canvas.getByRole('button', { name: 'Continue' }));
  return panel(context, status);
}

/** A `window.open` that returns `opened` while the story is shown, then the browser's own again. */
function stubWindowOpen(opened: () => Window | null) {
  return () => {
    const original = window.open;
    window.open = () => opened();
    return () => {
      window.open = original;
    };
  };
}

/** Every method in one choice, in the issuer's order: the code channels say "Send code", the others "Continue". */
export const EveryMethod: Story = {
  ...offering(EVERY_METHOD),
  play: async (context) => {
    const { canvas, userEvent } = context;
    const labels = canvas.getAllByRole('radio').map((radio) => radio.closest('label')!.textContent);
    await expect(labels).toEqual([
      'Text message to ***-***-1234',
      'Email to j*****n@e*****e.com',
      'Approve in Acme Bank',
      'Your bank’s website: Acme Bank',
      'Call your bank: 1-800-555-1212',
      'Your bank calls you at ***-***-1234',
    ]);
    await userEvent.click(canvas.getByRole('radio', { name: /Text message/ }));
    await expect(canvas.getByRole('button', { name: 'Send code' })).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: /Call your bank/ }));
    await expect(canvas.getByRole('button', { name: 'Continue' })).toBeVisible();
    // nothing is asked of the bank until the cardholder continues
    await expect(sandboxOf(context).calls()).toHaveLength(0);
  },
};

/** The bank's app in a browser: approve it on the phone; the page cannot open the app, so no button pretends to. */
export const BankAppWaiting: Story = {
  ...offering(['APP_TO_APP']),
  play: async (context) => {
    const { canvas } = context;
    const screen = await start(context);
    await expect(screen).toHaveAttribute('data-way', 'app');
    await expect(instruction(screen)).toHaveTextContent('Open Acme Bank on your phone and approve the request. Then come back here.');
    await expect(canvas.queryByRole('button', { name: 'Open your bank’s app' })).not.toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'I’ve approved it' })).toBeVisible();
    await expect(canvas.getByText('This page updates by itself once your bank confirms.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toBeVisible();
  },
};

/** A native host (a WebView's bridge, React Native) passes `launchIssuerApp`: the panel offers to open the app. */
export const BankAppNative: Story = {
  ...offering(['APP_TO_APP_CODE'], {}, { options: (sandbox) => ({ launchIssuerApp: launchWithCode(sandbox) }) }),
  play: async (context) => {
    const { canvas } = context;
    const screen = await start(context);
    await expect(canvas.getByRole('button', { name: 'Open your bank’s app' })).toHaveAttribute('data-variant', 'primary');
    await expect(canvas.getByRole('button', { name: 'I’ve approved it' })).toHaveAttribute('data-variant', 'secondary');
    await expect(instruction(screen)).toHaveTextContent('Open Acme Bank on your phone and approve the request.');
  },
};

/** The app returns an issuer code; the kit validates it (`validateIssuerCode`) and the card is confirmed. */
export const BankAppNativeVerified: Story = {
  ...offering(['APP_TO_APP_CODE'], {}, { options: (sandbox) => ({ launchIssuerApp: launchWithCode(sandbox) }) }),
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Open your bank’s app' }));
    await panel(context, 'verified');
    await expect(canvas.getByText('Thank you, your card is confirmed.', { selector: 'p' })).toBeVisible();
    const body = sandboxOf(context).calls('validateOtp')[0]!.body as unknown as { stepUpOption: { id: string }; issuerAuthCode: string };
    await expect(body.stepUpOption.id).toBe('YXBwLWNvZGUtMQ==');
    // approved with a code: no check was needed
    await expect(sandboxOf(context).calls('checkStepUp')).toHaveLength(0);
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
    // the bank's code is handed to the backend, never shown
    await expect(context.canvasElement.innerHTML).not.toContain(body.issuerAuthCode);
  },
};

/** Stands in for the bank's app: it approves and hands back a code the simulator issued. */
function launchWithCode(sandbox: StepUpSandbox): OutOfBandOptions['launchIssuerApp'] {
  return async (option) => ({ response: 'approved', authCode: sandbox.outOfBand.issueCode(TOKEN, option.id) });
}

/** The bank's web page: it opens on the click, in a new window. */
export const BankPageWaiting: Story = {
  ...offering(['APP_TO_APP_WEB']),
  play: async (context) => {
    const { canvas } = context;
    const screen = await start(context);
    await expect(screen).toHaveAttribute('data-way', 'page');
    await expect(instruction(screen)).toHaveTextContent('Confirm on your bank’s page. It opens in a new window.');
    await expect(canvas.getByRole('button', { name: 'Open your bank’s page' })).toHaveAttribute('data-variant', 'primary');
    await expect(canvas.getByRole('button', { name: 'I’ve finished on my bank’s page' })).toBeVisible();
  },
};

/** The browser blocked the bank's window: the cardholder is told, and can open it again. */
export const BankPagePopupBlocked: Story = {
  ...offering(['APP_TO_APP_WEB']),
  beforeEach: stubWindowOpen(() => null),
  play: async (context) => {
    const { canvas, userEvent } = context;
    const screen = await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Open your bank’s page' }));
    await waitFor(() => expect(screen).toHaveAttribute('data-notice', 'popup-blocked'));
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Your browser blocked your bank’s page. Allow pop-ups for this site, or open it again.',
    );
    await expect(canvas.getByRole('button', { name: 'Open your bank’s page' })).toBeVisible();
  },
};

/** A stand-in for the bank's window, which the story closes before the bank's page answered. */
const bankWindow = { closed: false, opener: null as unknown, location: { replace: () => undefined }, close() {}, focus() {} };

/** The bank's window was closed with no result: the kit says so and asks the bank (still pending). */
export const BankPageClosed: Story = {
  ...offering(['APP_TO_APP_WEB']),
  beforeEach: stubWindowOpen(() => {
    bankWindow.closed = false;
    return bankWindow as unknown as Window;
  }),
  play: async (context) => {
    const { canvas, userEvent } = context;
    const screen = await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Open your bank’s page' }));
    bankWindow.closed = true;
    await waitFor(() => expect(screen).toHaveAttribute('data-notice', 'window-closed'), { timeout: 4000 });
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Your bank’s page was closed before it finished. Open it again, or check if you finished.',
    );
    // the kit asked the bank at once; it has not confirmed, so the notice stays
    await panel(context, 'waiting');
    await expect(sandboxOf(context).calls('checkStepUp')).toHaveLength(1);
    await expect(canvas.getByRole('button', { name: 'Open your bank’s page' })).toBeVisible();
  },
};

/** Call the bank: the number is a link a phone dials, and can be copied. */
export const CallTheBank: Story = {
  ...offering(['CUSTOMER_SERVICE']),
  beforeEach: () => {
    const copy = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    return () => copy.mockRestore();
  },
  play: async (context) => {
    const { canvas, userEvent } = context;
    const screen = await start(context);
    await expect(screen).toHaveAttribute('data-way', 'callBank');
    await expect(instruction(screen)).toHaveTextContent('Call your bank at 1-800-555-1212 and ask them to approve this card for this shop.');
    await waitFor(() => expect(instruction(screen)).toHaveFocus());
    const link = canvas.getByRole('link', { name: '1-800-555-1212' });
    await expect(link).toHaveAttribute('href', 'tel:18005551212');
    await expect(link).toHaveAttribute('dir', 'ltr');
    // the number stays on one line
    await expect(link.getClientRects()).toHaveLength(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy number' }));
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('1-800-555-1212');
    await expect(await canvas.findByText('Number copied.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'I’ve finished the call' })).toHaveAttribute('data-variant', 'primary');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};

/** "I've finished the call": the kit asks the merchant's server, which has not answered yet. */
export const Checking: Story = {
  ...offering(['CUSTOMER_SERVICE']),
  play: async (context) => {
    const { canvas, userEvent } = context;
    await start(context);
    // every call from now on hangs until it is abandoned
    sandboxOf(context).configure({ failure: 'hang' });
    await userEvent.click(canvas.getByRole('button', { name: 'I’ve finished the call' }));
    await panel(context, 'checking');
    await expect(canvas.getByRole('button', { name: 'Checking with your bank…' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toBeEnabled();
  },
};

/** The cardholder says they are done, but the bank has not confirmed yet. */
export const StillPending: Story = {
  ...offering(['CUSTOMER_SERVICE']),
  play: async (context) => {
    const { canvas, userEvent } = context;
    await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'I’ve finished the call' }));
    const screen = await panel(context, 'waiting');
    await waitFor(() => expect(screen).toHaveAttribute('data-notice', 'still-pending'));
    await expect(sandboxOf(context).calls('checkStepUp')).toHaveLength(1);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Your bank hasn’t confirmed yet. Finish with your bank, then check again.');
    await expect(canvas.getByRole('button', { name: 'Check again' })).toBeVisible();
  },
};

/** The bank declined: another method, or another card; focus is on "Use another method". */
export const Declined: Story = {
  ...offering(['APP_TO_APP']),
  play: async (context) => {
    const { canvas, userEvent } = context;
    await start(context);
    sandboxOf(context).outOfBand.decide(TOKEN, 'declined');
    await userEvent.click(canvas.getByRole('button', { name: 'I’ve approved it' }));
    const screen = await panel(context, 'declined');
    await expect(instruction(screen)).toHaveTextContent('Your bank declined this request. Choose another method, or use another card.');
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toHaveFocus();
    await expect(canvas.queryByRole('button', { name: 'I’ve approved it' })).not.toBeInTheDocument();
  },
};

/** The request is no longer open at the bank (the server answers `expired`): choose again. */
export const Expired: Story = {
  ...offering(['APP_TO_APP_WEB'], {}, { backend: (sandbox) => ({ ...sandbox.backend, checkStepUp: async () => ({ status: 'expired' }) }) }),
  play: async (context) => {
    const { canvas, userEvent } = context;
    await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'I’ve finished on my bank’s page' }));
    const screen = await panel(context, 'expired');
    await expect(instruction(screen)).toHaveTextContent('This request has expired. Choose a method again.');
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toHaveFocus();
    await expect(canvas.queryByRole('button', { name: 'Open your bank’s page' })).not.toBeInTheDocument();
  },
};

/** The bank's agent approved during the call; "I've finished the call" confirms the card. */
export const VerifiedByCall: Story = {
  ...offering(['CUSTOMER_SERVICE']),
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await start(context);
    sandboxOf(context).outOfBand.decide(TOKEN, 'approved');
    await userEvent.click(canvas.getByRole('button', { name: 'I’ve finished the call' }));
    await panel(context, 'verified');
    await expect(canvas.getByText('Thank you, your card is confirmed.', { selector: 'p' })).toBeVisible();
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
    await expect(args.onVerified).toHaveBeenCalledWith(expect.objectContaining({ stepUpOption: expect.objectContaining({ method: 'CUSTOMER_SERVICE' }) }));
    await expect(canvas.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  },
};

/** The bank calls you: while the bank is asked to call. */
export const BankCallsNotifying: Story = {
  ...offering(['OUTBOUND_CALL'], { failure: 'hang' }),
  play: async (context) => {
    const { canvas } = context;
    const screen = await start(context, 'notifying');
    await expect(instruction(screen)).toHaveTextContent('Asking your bank to call you…');
    await expect(canvas.getByRole('button', { name: 'I’ve taken the call' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The bank was asked to call: answer it, then say so. */
export const BankCallsWaiting: Story = {
  ...offering(['OUTBOUND_CALL']),
  play: async (context) => {
    const { canvas } = context;
    const screen = await start(context);
    await expect(screen).toHaveAttribute('data-way', 'bankCalls');
    await expect(instruction(screen)).toHaveTextContent('Your bank will call you at ***-***-1234. Answer and follow their instructions.');
    await expect(canvas.getByRole('button', { name: 'I’ve taken the call' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' })).not.toHaveAttribute('aria-disabled');
    // asking the bank to call is a send, for this card's budget
    await expect(sandboxOf(context).calls('createOtp')).toHaveLength(1);
  },
};

/** "Didn't get a call? Ask again": the bank is asked once more, and the cardholder is told. */
export const BankCallsAskedAgain: Story = {
  ...offering(['OUTBOUND_CALL']),
  play: async (context) => {
    const { canvas, userEvent } = context;
    const screen = await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' }));
    await waitFor(() => expect(screen).toHaveAttribute('data-notice', 'call-requested'));
    await expect(within(screen).getByText('We’ve asked your bank to call you again.')).toHaveAttribute('role', 'status');
    await expect(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' })).not.toHaveAttribute('aria-disabled');
    await expect(sandboxOf(context).calls('createOtp')).toHaveLength(2);
  },
};

/** Every call this card allows was asked for: the link is unavailable and says why. */
export const BankCallsExhausted: Story = {
  ...offering(['OUTBOUND_CALL'], { maxRequestsAllowed: 2 }),
  play: async (context) => {
    const { canvas, userEvent } = context;
    const screen = await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' }));
    await waitFor(() => expect(canvas.getByText('Your bank can’t call again for this card.')).toBeVisible());
    await expect(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' })).toHaveAttribute('aria-disabled', 'true');
    await expect(screen).toHaveAttribute('data-notice', 'call-requested');
  },
};

/** The bank could not be asked to call (offline): a sentence, Try again, or another method. */
export const NotifyFailed: Story = {
  ...offering(['OUTBOUND_CALL'], { failure: 'network' }),
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await panel(context, 'notify-failed');
    await expect(canvas.getByRole('alert')).toHaveTextContent('We couldn’t connect. Check your internet connection and try again.');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toHaveAttribute('data-variant', 'primary');
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Didn’t get a call? Ask again' })).not.toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network', operation: 'submit-selection' }));
  },
};

/** Arabic, right to left, with the Arabic words: the choice mirrors, the phone number reads left to right. */
const arabic = offering(['OTP_SMS', 'CUSTOMER_SERVICE'], {}, { options: () => ({ words: arWords }) });
export const Arabic: Story = {
  ...arabic,
  args: { ...arabic.args, locale: ar },
  play: async (context) => {
    const { canvas, userEvent } = context;
    const root = canvas.getByRole('group', { name: ar.messages.title });
    await expect(root).toHaveAttribute('dir', 'rtl');
    await expect(root).toHaveAttribute('lang', ar.locale);
    const name = arWords.optionWithValue.callBank.replace('{value}', '1-800-555-1212');
    await userEvent.click(canvas.getByRole('radio', { name: (accessible) => accessible.replace(/\s+/g, '') === name.replace(/\s+/g, '') }));
    await userEvent.click(canvas.getByRole('button', { name: arWords.continue }));
    const screen = await panel(context, 'waiting');
    await expect(instruction(screen)).toHaveTextContent(arWords.waitingCallBank.replace('{number}', '1-800-555-1212'));
    const link = canvas.getByRole('link', { name: '1-800-555-1212' });
    await expect(link).toHaveAttribute('dir', 'ltr');
    await expect(canvas.getByRole('button', { name: arWords.done.callBank })).toBeVisible();
    await expect(canvas.getByRole('button', { name: ar.messages.useAnotherMethod })).toBeVisible();
    // right to left: the primary action starts at the right edge of the card
    const done = canvas.getByRole('button', { name: arWords.done.callBank }).getBoundingClientRect();
    await expect(done.right).toBeGreaterThan(root.getBoundingClientRect().right - 40);
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
  },
};

/** A dark theme on a 320 px phone: the bank was asked to call again. */
const bankCalls = offering(['OUTBOUND_CALL']);
export const DarkPhone: Story = {
  ...bankCalls,
  args: { ...bankCalls.args, className: 'stepup-dark' },
  decorators: [
    (Story) => (
      <div style={{ boxSizing: 'border-box', width: 320, margin: '-1rem', background: '#0f1115', padding: 8 }}>
        <style>{DARK_THEME}</style>
        <Story />
      </div>
    ),
  ],
  play: async (context) => {
    const { canvas, userEvent } = context;
    const screen = await start(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Didn’t get a call? Ask again' }));
    await waitFor(() => expect(screen).toHaveAttribute('data-notice', 'call-requested'));
    const root = canvas.getByRole('group', { name: 'Confirm it’s you' });
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
  },
};
