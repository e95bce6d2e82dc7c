import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import {
  clampCodeLength,
  extractCode,
  offers,
  resolveMessages,
  sanitizeCode,
  type StepUpLocale,
  type StepUpMessages,
  type StepUpMessagesOverride,
  type StepUpOption,
  type StepUpState,
  type StepUpStatus,
} from '../core/index.js';
import type { StepUpControllerOptions } from '../controller/options.js';
import { createStepUpController } from '../controller/step-up-controller.js';
import { createAnnouncer, type Announcer } from './announcer.js';
import { mutationRunner } from './mutation-runner.js';
import { useAnnouncements } from './use-announcements.js';
import { useFieldSync, type StepUpFormValues } from './use-field-sync.js';
import { useResolvedQueryClient } from './use-resolved-query-client.js';
import { useWebOtp } from './use-web-otp.js';

export type { StepUpVerifiedResult } from '../controller/options.js';
export type { StepUpFormValues } from './use-field-sync.js';

export interface UseStepUpOtpOptions extends Omit<StepUpControllerOptions, 'runCall'> {
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
  const messages = useMemo(() => resolveMessages(options.messages, language?.messages), [options.messages, language]);
  const queryClient = useResolvedQueryClient(options.queryClient);
  const runCall = useMemo(() => mutationRunner(queryClient), [queryClient]);

  const [controller] = useState(() => createStepUpController(options));
  // the latest callbacks and backend, read when a call starts or settles (never a stale closure)
  controller.setOptions({ ...options, runCall });
  const { state, codeFocus, choiceFocus } = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );

  const single = state.options.length === 1 ? state.options[0]!.id : '';
  const form = useForm<StepUpFormValues>({ defaultValues: { optionId: single, code: '' } });
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
    controller.send(id);
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
    choiceFocusKey: choiceFocus,
  };
}
