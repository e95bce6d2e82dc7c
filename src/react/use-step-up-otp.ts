import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import {
  clampCodeLength,
  extractCode,
  offers,
  resolveMessages,
  sanitizeCode,
  type StepUpBackend,
  type StepUpLocale,
  type StepUpMessages,
  type StepUpMessagesOverride,
  type StepUpOption,
  type StepUpState,
  type StepUpStatus,
} from '../core/index.js';
import type { CallRunner, StepUpControllerOptions } from '../controller/options.js';
import { createStepUpController } from '../controller/step-up-controller.js';
import { createAnnouncer, type Announcer } from './announcer.js';
import { mutationRunner } from './mutation-runner.js';
import { useAnnouncements } from './use-announcements.js';
import { useFieldSync, type StepUpFormValues } from './use-field-sync.js';
import { useResolvedQueryClient } from './use-resolved-query-client.js';
import { useWebOtp } from './use-web-otp.js';

export type { StepUpVerifiedResult } from '../controller/options.js';
export type { StepUpFormValues } from './use-field-sync.js';

/** What `stepup-kit/out-of-band` gives `<StepUpOtp outOfBand>`: the methods that complete outside the page. */
export interface OutOfBandMethods {
  /** Whether it can carry the cardholder through `option` with `backend`. */
  offers(option: StepUpOption, backend: StepUpBackend): boolean;
  /** The option's line in the channel choice: its icon and words. */
  label(option: StepUpOption): ReactNode;
  /** The label of the choice's primary button while such an option is chosen ("Continue"). */
  continueLabel: string;
  /** The choice's sentences when it offers such an option (a code is not the only way): `intro`, `chooseMethod`. */
  messages: StepUpMessagesOverride;
  /** The screens of the chosen option (`away`), from the choice to the bank's answer. */
  render(stepUp: UseStepUpOtpResult): ReactNode;
}

export interface UseStepUpOtpOptions extends Omit<StepUpControllerOptions, 'runCall' | 'offersOutOfBand'> {
  /**
   * The methods that complete outside the page (the bank's app or page, a phone call), from
   * `stepup-kit/out-of-band`: without it only the OTP channels are offered.
   */
  outOfBand?: OutOfBandMethods;
  /** Overrides of any cardholder-facing string, over the locale's. */
  messages?: StepUpMessagesOverride;
  /**
   * The language: a locale from `stepup-kit/locales/<tag>` (or `defineLocale`), which brings its messages,
   * `lang` and direction; or a BCP 47 tag for the plural rules of the built-in English messages.
   * @defaultValue 'en'
   */
  locale?: string | StepUpLocale;
  /**
   * The direction of the step-up, when it must differ from the locale's.
   * @defaultValue the locale's, else 'ltr'
   */
  dir?: 'ltr' | 'rtl';
  /** The QueryClient for the mutations; else the nearest provider's, else a private one. */
  queryClient?: QueryClient;
  /**
   * On Chrome for Android, offer the code from an SMS bound to this origin (WebOTP) while an SMS code is
   * awaited; the cardholder confirms in a system sheet and the code is checked.
   * @defaultValue true
   */
  webOtp?: boolean;
}

export interface UseStepUpOtpResult {
  state: StepUpState;
  status: StepUpStatus;
  /** The OTP options offered. */
  options: StepUpOption[];
  messages: StepUpMessages;
  /** The BCP 47 tag of the language (the root's `lang`). */
  locale: string;
  /** The direction of the root. */
  dir: 'ltr' | 'rtl';
  codeLength: number;
  clientCorrelationId: string;
  form: UseFormReturn<StepUpFormValues>;
  /** Politeness-level announcements (one live region reads them). */
  announcer: Announcer;
  now: () => number;
  /** Whether a Cancel action should be offered. */
  cancellable: boolean;
  /** Send a code to the chosen option (one call however often it is pressed). */
  send(): void;
  /** Ask for a new code for the current option. */
  resend(): void;
  /** Validate the code in the field; `code` may be passed when it was just typed. */
  submitCode(code?: string): void;
  /** Repeat the call that failed, once. */
  retry(): void;
  /** Back to the channel choice. */
  changeMethod(): void;
  cancel(): void;
  /** The countdown calls this when it reaches zero or the tab wakes up; returns whether the code is now expired. */
  expire(): boolean;
  /** Whether `code` has the right length (used as the code field's validation). */
  validateCode(code: string): true | string;
  /** Increments when the code field should take focus. */
  focusKey: number;
  /** Increments when the channel choice should take focus (after "Use another method"). */
  choiceFocusKey: number;
  /** The option chosen in the channel choice, if any. */
  chosen?: StepUpOption;
  /** The option that completes outside the page the cardholder is going through, if any. */
  away?: StepUpOption;
  /** From `away` back to the channel choice. */
  leave(): void;
  /** The options given, for `outOfBand`'s screens. */
  config: UseStepUpOtpOptions;
  /** How calls run (TanStack Query mutations), for `outOfBand`'s screens. */
  runCall: CallRunner;
}

/**
 * The headless step-up: a framework-free controller (machine, the call in flight, the clock, the
 * merchant's callbacks) bound with `useSyncExternalStore`, its calls run as TanStack Query mutations, and
 * the field values in react-hook-form. `<StepUpOtp>` is built on it.
 */
export function useStepUpOtp(options: UseStepUpOtpOptions): UseStepUpOtpResult {
  const language = typeof options.locale === 'object' ? options.locale : undefined;
  const locale = language?.locale ?? (options.locale as string | undefined) ?? 'en';
  const dir = options.dir ?? language?.dir ?? 'ltr';
  const codeLength = clampCodeLength(options.codeLength);
  const now = options.now ?? Date.now;
  const queryClient = useResolvedQueryClient(options.queryClient);
  const runCall = useMemo(() => mutationRunner(queryClient), [queryClient]);

  const { outOfBand } = options;
  const offersOutOfBand = outOfBand && ((option: StepUpOption) => outOfBand.offers(option, options.backend));
  const [controller] = useState(() => createStepUpController({ ...options, offersOutOfBand }));
  // the latest callbacks and backend, read when a call starts or settles (never a stale closure)
  controller.setOptions({ ...options, runCall });
  const [away, setAway] = useState<StepUpOption>();
  const [left, setLeft] = useState(0);
  const { state, codeFocus, choiceFocus } = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );

  // a choice that offers a way without a code says so; the merchant's own messages still win
  const choiceWords = outOfBand && state.options.some((o) => !o.isOtp) ? outOfBand.messages : undefined;
  const messages = useMemo(
    () => resolveMessages(options.messages, choiceWords ? resolveMessages(choiceWords, language?.messages) : language?.messages),
    [options.messages, language, choiceWords],
  );
  const single = state.options.length === 1 ? state.options[0]!.id : '';
  const form = useForm<StepUpFormValues>({ defaultValues: { optionId: single, code: '' } });
  const chosenId = useWatch({ control: form.control, name: 'optionId' });
  const [announcer] = useState(createAnnouncer);
  // subscribed before connecting, so a call failed on connect (after <Activity>) reaches the fields too
  useFieldSync(controller, form);
  useAnnouncements(state, announcer, messages, locale);
  useEffect(() => controller.connect(), [controller]);

  // each action reads the form, shows its error there, and hands the value to the controller
  const validateCode = (code: string): true | string =>
    code.length === codeLength || messages.codeIncomplete({ length: codeLength });

  const send = () => {
    const { state: current } = controller.getSnapshot();
    const id = form.getValues('optionId');
    if (current.status !== 'choosing') return;
    if (!current.options.some((o) => o.id === id))
      return form.setError('optionId', { type: 'required', message: messages.chooseMethodRequired }, { shouldFocus: true });
    form.clearErrors('optionId');
    const option = current.options.find((o) => o.id === id)!;
    // an option that sends no code goes to `outOfBand`'s screens
    if (option.isOtp) controller.send(id);
    else setAway(option);
  };

  const submitCode = (typed?: string) => {
    if (!offers(controller.getSnapshot().state, 'submit')) return;
    const code = typed ?? form.getValues('code');
    const valid = validateCode(code);
    if (valid !== true) return form.setError('code', { type: 'validate', message: valid });
    form.clearErrors('code');
    controller.submit(code);
  };

  // the check that failed is repeated with the code in the field (its length checked again)
  const retry = () => (controller.getSnapshot().state.status === 'verify-failed' ? submitCode() : void controller.retry());

  // WebOTP for an SMS code: one request while the code is awaited, aborted once it is being checked or the step-up moves on
  const pendingCode = state.status === 'code-entry' ? state.code : undefined;
  useWebOtp(options.webOtp !== false && pendingCode?.option.method === 'OTP_SMS', pendingCode?.sentAt, (received) => {
    const code = sanitizeCode(extractCode(received, codeLength), codeLength);
    if (code.length !== codeLength) return;
    form.setValue('code', code);
    submitCode(code);
  });

  return {
    state,
    status: state.status,
    options: state.options,
    messages,
    locale,
    dir,
    codeLength,
    clientCorrelationId: controller.clientCorrelationId(),
    form,
    announcer,
    now,
    cancellable: Boolean(options.onCancel),
    send,
    resend: controller.resend,
    submitCode,
    retry,
    changeMethod: controller.changeMethod,
    cancel: controller.cancel,
    expire: controller.checkClock,
    validateCode,
    focusKey: codeFocus,
    choiceFocusKey: choiceFocus + left,
    chosen: state.options.find((o) => o.id === chosenId),
    away: state.status === 'choosing' ? away : undefined,
    leave: () => {
      setAway(undefined);
      setLeft((n) => n + 1);
    },
    config: options,
    runCall,
  };
}
