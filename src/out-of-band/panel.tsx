import { useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { fillTemplate } from '../core/catalog-messages.js';
import { StepUpContext } from '../primitives/context.js';
import { withDestination } from '../primitives/destination.js';
import { SuccessMark } from '../primitives/texts.js';
import type { UseStepUpOtpResult } from '../react/use-step-up-otp.js';
import { safely } from '../controller/step-up-controller.js';
import { createOutOfBandController, type IssuerAnswer, type OutOfBandController, type OutOfBandState } from './controller.js';
import { issuerPageUrl, newReturnState, openIssuerPage, withReturnState } from './issuer-page.js';
import type { OutOfBandOptions } from './options.js';
import { outOfBandWords } from './words.js';

type Opened = ReturnType<typeof openIssuerPage>;

/**
 * The screens of an option that completes outside the page: what to do now (open the bank's app or page,
 * call the bank, wait for its call), the check the cardholder asks for, and the bank's answer, with "Use
 * another method" and Cancel always at hand.
 */
export function OutOfBandPanel({ stepUp, settings }: { stepUp: UseStepUpOtpResult; settings: OutOfBandOptions }) {
  const option = stepUp.away!;
  const { config, messages } = stepUp;
  const words = outOfBandWords(settings.words);
  // the merchant's latest options and callbacks, read when they are called (never the first render's)
  const latest = useRef({ settings, stepUp });
  latest.current = { settings, stepUp };
  const [controller] = useState<OutOfBandController>(() =>
    createOutOfBandController({
      option,
      backend: config.backend,
      clientCorrelationId: stepUp.clientCorrelationId,
      tokenId: config.tokenId,
      sends: stepUp.state.sends,
      maxRequests: stepUp.state.maxRequests,
      runCall: stepUp.runCall,
      classifyError: config.classifyError,
      poll: settings.poll,
      now: config.now,
      onVerified: (result) => latest.current.stepUp.config.onVerified?.(result),
      onError: (error) => latest.current.stepUp.config.onError?.(error),
      onStatusChange: (status, state) => latest.current.settings.onStatusChange?.(status, state),
    }),
  );
  // focus moves only while the cardholder is in the step-up, never away from the rest of the page
  const root = useContext(StepUpContext);
  const mayFocus = () => !root || root.focusInside.current;
  const last = useRef<OutOfBandState['status']>(undefined);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  const opened = useRef<Opened>(undefined);
  const [copied, setCopied] = useState(false);
  const lead = useRef<HTMLParagraphElement>(null);
  const end = useRef<HTMLElement>(null);

  useEffect(() => {
    const stop = controller.connect();
    // back in the tab (from the bank's app, a call): ask at once
    const onVisible = () => document.visibilityState === 'visible' && controller.visible();
    document.addEventListener('visibilitychange', onVisible);
    if (mayFocus()) lead.current?.focus();
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
      if (opened.current && !opened.current.blocked) opened.current.stop();
    };
    // once per mounted option
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller]);

  // the ends of the road take focus: the success, or "Use another method" after a decline; after a failed
  // request for a call, Try again
  const ended = state.status === 'verified' || state.status === 'declined' || state.status === 'expired';
  const endText = state.status === 'declined' ? (state.notice === 'code-refused' ? words.codeRefused : words.declined) : state.status === 'expired' ? words.expired : undefined;
  useEffect(() => {
    if ((ended || state.status === 'notify-failed') && mayFocus()) end.current?.focus();
    // spoken: the wait beginning, a check the cardholder asked for, the bank's code being checked, and the end
    // (its sentence is not the focused button's); the kit's own checks stay quiet
    const before = last.current;
    last.current = state.status;
    const say =
      state.status === 'notifying'
        ? words.notifying
        : state.status === 'waiting'
          ? before === undefined || before === 'notifying'
            ? words.announceWaiting
            : undefined
          : state.status === 'checking'
            ? state.asked
              ? words.checking
              : undefined
            : state.status === 'confirming'
              ? words.confirming
              : (endText ?? (state.status === 'verified' ? messages.verified : undefined));
    if (say) stepUp.announcer.announce(say);
    // a finished "Checking…" is not read later as current
    else if (before === 'checking' || before === 'confirming') stepUp.announcer.clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.status, state.asked]);

  // a call the cardholder waits on: the kit's own checks do not hold their buttons
  const busy = (state.status === 'checking' && !!state.asked) || state.status === 'confirming' || state.status === 'notifying';
  const value = option.value;

  const openPage = () => {
    const { issuerPage = {} } = settings;
    const returnState = newReturnState();
    if (opened.current && !opened.current.blocked) opened.current.stop();
    try {
      const back = issuerPage.returnUrl ? withReturnState(issuerPage.returnUrl, returnState, issuerPage.params) : undefined;
      const url = (issuerPage.url ?? issuerPageUrl)(option, back, issuerPage.params ?? {});
      if (!url) return controller.answer({ response: 'failure' });
      opened.current = openIssuerPage(url, {
        state: returnState,
        channel: issuerPage.channel,
        onResult: (answer) => controller.answer(answer),
        onClosed: () => controller.windowClosed(),
      });
    } catch (error) {
      // a return URL or a builder's URL that is not http(s): the merchant's to fix, the cardholder's to go on
      controller.answer({ response: 'failure' });
      return safely(() => {
        throw error;
      });
    }
    if (opened.current.blocked) controller.popupBlocked();
  };

  const openApp = () => {
    settings.launchIssuerApp!(option).then(
      (answer: IssuerAnswer | undefined) => controller.answer(answer ?? {}),
      () => controller.answer({ response: 'failure' }),
    );
  };

  const copy = () => {
    void navigator.clipboard?.writeText(value!).then(() => setCopied(true), () => undefined);
  };

  const instruction = instructionOf(state, words, value);
  const button = (part: string, variant: 'primary' | 'secondary' | 'link', label: string, action: () => void, unavailable = false, ref?: React.Ref<HTMLButtonElement>) => (
    <button
      type="button"
      data-part={part}
      data-variant={variant}
      aria-disabled={unavailable || undefined}
      data-busy={unavailable && busy ? '' : undefined}
      ref={ref}
      onClick={unavailable ? undefined : action}
    >
      {label}
    </button>
  );

  if (state.status === 'verified')
    return (
      <div data-part="out-of-band" data-status={state.status} data-way={state.way}>
        <div tabIndex={-1} data-part="success" ref={end as React.Ref<HTMLDivElement>}>
          <SuccessMark />
          <p data-part="success-text">{messages.verified}</p>
        </div>
      </div>
    );

  const primary: ReactNode = ended ? (
    button('change-method', 'primary', messages.useAnotherMethod, stepUp.leave, false, end as React.Ref<HTMLButtonElement>)
  ) : state.status === 'notify-failed' ? (
    button('retry', 'primary', messages.tryAgain, controller.retry, false, end as React.Ref<HTMLButtonElement>)
  ) : state.way === 'page' ? (
    button('open-page', 'primary', words.openPage, openPage, busy)
  ) : state.way === 'app' && settings.launchIssuerApp ? (
    button('open-app', 'primary', words.openApp, openApp, busy)
  ) : (
    checkButton('primary')
  );

  function checkButton(variant: 'primary' | 'secondary') {
    const again = state.notice === 'still-pending' || state.notice === 'poll-stopped';
    const label = state.status === 'checking' && state.asked ? words.checking : again ? words.checkAgain : words.done[state.way];
    // during the kit's own check a click makes it the cardholder's (the controller says so)
    return button('check', variant, label, controller.check, state.status === 'notifying' || state.status === 'confirming' || (state.status === 'checking' && !!state.asked));
  }

  return (
    <div data-part="out-of-band" data-status={state.status} data-way={state.way} data-notice={state.notice}>
      <p tabIndex={-1} data-part="out-of-band-instruction" ref={lead}>
        {endText ?? instruction}
      </p>
      {state.way === 'callBank' && value && !ended ? (
        <p data-part="phone">
          <a href={`tel:${value.replace(/[^\d+*#,;]/g, '')}`} dir="ltr" data-part="phone-number" aria-label={value}>
            {/* hyphens that never break a line: a long number wraps only at its spaces, never past the card */}
            <bdi>{value.replace(/-/g, '\u2011')}</bdi>
          </a>
          {navigator.clipboard ? button('copy-number', 'link', words.copyNumber, copy) : null}
          <span role="status" data-part="copied">
            {copied ? words.numberCopied : ''}
          </span>
        </p>
      ) : null}
      {!ended && state.status !== 'notify-failed' && state.polling ? <p data-part="auto-check">{words.autoCheck}</p> : null}
      {state.notice && !ended ? (
        <p role={state.notice === 'call-requested' || state.notice === 'poll-stopped' ? 'status' : 'alert'} data-part="notice" data-notice={state.notice}>
          {noticeText(state.notice, words)}
        </p>
      ) : null}
      {state.error && !ended ? (
        <p role="alert" data-part="error" data-kind={state.error.kind}>
          {messages.errors[state.error.kind]}
        </p>
      ) : null}
      <div data-part="actions">
        {primary}
        {/* the second way forward stands beside the first, before Cancel */}
        {!ended && (state.way === 'page' || (state.way === 'app' && settings.launchIssuerApp)) ? checkButton('secondary') : null}
        {stepUp.cancellable ? button('cancel', 'secondary', messages.cancel, stepUp.cancel) : null}
      </div>
      <div data-part="secondary-actions">
        {state.way === 'bankCalls' && !ended && state.status !== 'notify-failed' ? (
          <span data-part="call-again-group">
            {button('call-again', 'link', words.callAgain, controller.callAgain, busy || state.callsLeft === 0)}
            {state.callsLeft === 0 ? <span data-part="resend-info">{words.callsExhausted}</span> : null}
          </span>
        ) : null}
        {ended ? null : button('change-method', 'link', messages.useAnotherMethod, stepUp.leave)}
      </div>
    </div>
  );
}

function instructionOf(state: OutOfBandState, words: ReturnType<typeof outOfBandWords>, value: string | undefined): ReactNode {
  switch (state.way) {
    case 'app':
      return value ? withDestination(fillTemplate(words.waitingAppNamed, { app: value }), value) : words.waitingApp;
    case 'page':
      return words.waitingPage;
    case 'callBank':
      return value ? withDestination(fillTemplate(words.waitingCallBank, { number: value }), value) : words.waitingCallBankNoNumber;
    case 'bankCalls':
      if (state.status === 'notifying') return words.notifying;
      if (state.status === 'notify-failed') return words.notifyFailed;
      return value ? withDestination(fillTemplate(words.waitingBankCalls, { number: value }), value) : words.waitingBankCallsNoNumber;
  }
}

/** A notice's words: each notice is named as its sentence is (`still-pending` → `stillPending`). */
function noticeText(notice: NonNullable<OutOfBandState['notice']>, words: ReturnType<typeof outOfBandWords>): string {
  return words[notice.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as 'stillPending'];
}
