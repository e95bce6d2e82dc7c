import { useMutation, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import {
  clampCodeLength,
  currentCode,
  extractCode,
  initialState,
  malformedResponseError,
  normalizeCreateOtpResponse,
  normalizeStepUpOptions,
  normalizeValidateOtpResponse,
  resolveMessages,
  sanitizeCode,
  StepUpBackendError,
  StepUpError,
  toStepUpError,
  transition,
  type CodeExpirationUnit,
  type CreateOtpRequest,
  type ErrorClassifier,
  type RawStepUpOption,
  type StepUpBackend,
  type StepUpEvent,
  type StepUpMessages,
  type StepUpMessagesOverride,
  type StepUpOption,
  type StepUpState,
  type StepUpStatus,
  type ValidateOtpRequest,
} from '../core/index.js';
import { createAnnouncer, type Announcer } from './announcer.js';
import { newCorrelationId } from './correlation-id.js';
import { useResolvedQueryClient } from './use-resolved-query-client.js';
import { useWebOtp } from './use-web-otp.js';

/** What `onVerified` receives. */
export interface StepUpVerifiedResult {
  /** The validate answer, e.g. `{ action: 'AUTHENTICATION_REGISTRATION' }`. */
  response: Record<string, unknown>;
  /** The option the code was sent through. */
  stepUpOption: StepUpOption;
  /** The id sent with every call of this step-up. */
  clientCorrelationId: string;
}

/** The react-hook-form values of the step-up. */
export interface StepUpFormValues {
  /** The chosen step-up option id. */
  optionId: string;
  /** The digits typed so far. Never persisted, cleared when the step-up ends. */
  code: string;
}

export interface UseStepUpOtpOptions {
  /** The raw `stepUpOptions` items of the authentication-options answer. Give the component a new `key` for a new step-up. */
  stepUpOptions: readonly RawStepUpOption[] | readonly unknown[];
  /** The merchant backend that forwards the calls to Visa. */
  backend: StepUpBackend;
  /** Added to every request body when given (the merchant server may also keep it in its session). */
  tokenId?: string;
  /**
   * Sent with every call of this step-up.
   * @defaultValue one `crypto.randomUUID()` per mounted step-up
   */
  clientCorrelationId?: string;
  /**
   * Digits in the code, 4 to 8.
   * @defaultValue 6
   */
  codeLength?: number;
  /**
   * How `codeExpiration` is read.
   * @defaultValue 'auto'
   */
  codeExpirationUnit?: CodeExpirationUnit;
  /** Called exactly once, when the backend accepts the code. */
  onVerified?: (result: StepUpVerifiedResult) => void;
  /** Called with a typed error whenever something fails (a wrong code included). */
  onError?: (error: StepUpError) => void;
  /** Called whenever the status changes. */
  onStatusChange?: (status: StepUpStatus, state: StepUpState) => void;
  /** Called when the cardholder presses Cancel; the Cancel button shows only when this is given. */
  onCancel?: () => void;
  /** Overrides of any cardholder-facing string. */
  messages?: StepUpMessagesOverride;
  /**
   * BCP 47 locale for plural rules.
   * @defaultValue 'en'
   */
  locale?: string;
  /** The QueryClient for the mutations; else the nearest provider's, else a private one. */
  queryClient?: QueryClient;
  /** Maps a failed call to an error kind; return `undefined` to use the default mapping. */
  classifyError?: ErrorClassifier;
  /**
   * On Chrome for Android, offer the code from an SMS bound to this origin (WebOTP) while an SMS code is
   * awaited; the cardholder confirms in a system sheet and the code is checked.
   * @defaultValue true
   */
  webOtp?: boolean;
  /**
   * The wall clock, for tests and stories.
   * @defaultValue Date.now
   */
  now?: () => number;
}

export interface UseStepUpOtpResult {
  state: StepUpState;
  status: StepUpStatus;
  /** The OTP options offered. */
  options: StepUpOption[];
  messages: StepUpMessages;
  locale: string;
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
  /** The countdown calls this when it reaches zero; returns whether the code is now expired. */
  expire(): boolean;
  /** Whether `code` has the right length (used as the code field's validation). */
  validateCode(code: string): true | string;
  /** Increments when the code field should take focus. */
  focusKey: number;
  /** Increments when the channel choice should take focus (after "Use another method"). */
  choiceFocusKey: number;
}

const MUTATION_DEFAULTS = {
  retry: 0,
  // a merchant client with throwOnError would tear the step-up down to an error boundary; failures are ours to show
  throwOnError: false,
  // offline must fail with a sentence, not wait silently until the browser is back online
  networkMode: 'always',
  // nothing of a step-up outlives it in a shared cache
  gcTime: 0,
} as const;

/**
 * The headless step-up: state machine, backend calls through TanStack Query mutations, and the
 * react-hook-form state of the channel choice and the code. `<StepUpOtp>` is built on it.
 */
export function useStepUpOtp(options: UseStepUpOtpOptions): UseStepUpOtpResult {
  const {
    stepUpOptions,
    backend,
    tokenId,
    codeExpirationUnit = 'auto',
    locale = 'en',
    classifyError,
  } = options;
  const codeLength = clampCodeLength(options.codeLength);
  const now = options.now ?? Date.now;

  const latest = useRef(options);
  latest.current = options;

  const [generatedId] = useState(newCorrelationId);
  const clientCorrelationId = options.clientCorrelationId ?? generatedId;
  const messages = useMemo(() => resolveMessages(options.messages), [options.messages]);
  const [announcer] = useState(createAnnouncer);

  // The machine's state lives in a ref as well, so that two clicks in one tick see each other:
  // the second SEND finds "sending" and is refused before any call is made.
  const stateRef = useRef<StepUpState | null>(null);
  stateRef.current ??= initialState(normalizeStepUpOptions(stepUpOptions as unknown[]));
  const [state, setState] = useState<StepUpState>(stateRef.current);
  const [focusKey, setFocusKey] = useState(0);
  const [choiceFocusKey, setChoiceFocusKey] = useState(0);

  const dispatch = useCallback((event: StepUpEvent): boolean => {
    const prev = stateRef.current!;
    const next = transition(prev, event);
    if (next === prev) return false;
    stateRef.current = next;
    setState(next);
    return true;
  }, []);

  const single = state.options.length === 1 ? state.options[0]!.id : '';
  const form = useForm<StepUpFormValues>({ defaultValues: { optionId: single, code: '' } });

  const queryClient = useResolvedQueryClient(options.queryClient);
  // Calls of one step-up share a scope, so they run one after another and never race. A call the
  // cardholder abandoned (change of method, resend, cancel) is aborted; if the merchant's backend ignores
  // the signal, it would hold the scope forever, so each abandonment opens a fresh scope.
  const [abandoned, setAbandoned] = useState(0);
  const scope = { id: `stepup-kit:${clientCorrelationId}:${abandoned}` };
  const createMutation = useMutation(
    {
      ...MUTATION_DEFAULTS,
      mutationKey: ['stepup-kit', 'create-otp'],
      scope,
      mutationFn: ({ request, signal }: { request: CreateOtpRequest; signal: AbortSignal }) =>
        backend.createOtp(request, { signal }),
    },
    queryClient,
  );
  // The code never becomes a mutation variable: a merchant's MutationCache callbacks, useMutationState and
  // the devtools see variables, so they get a call number and the request stays here until the call starts.
  const pendingValidation = useRef<{ call: number; request: ValidateOtpRequest } | null>(null);
  const validateMutation = useMutation(
    {
      ...MUTATION_DEFAULTS,
      mutationKey: ['stepup-kit', 'validate-otp'],
      scope,
      mutationFn: ({ call, signal }: { call: number; signal: AbortSignal }) => {
        const pending = pendingValidation.current;
        pendingValidation.current = null;
        if (pending?.call !== call) return Promise.reject(new StepUpBackendError('aborted', 'the validation was abandoned'));
        return backend.validateOtp(pending.request, { signal });
      },
    },
    queryClient,
  );

  // Each call gets a generation number; an answer from an older generation (the cardholder changed
  // method or cancelled meanwhile) is ignored.
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const verifiedOnce = useRef(false);

  const abortInFlight = useCallback(() => {
    generation.current += 1;
    pendingValidation.current = null;
    if (controller.current) {
      controller.current.abort();
      controller.current = null;
      setAbandoned((n) => n + 1);
    }
  }, []);

  const reportError = useCallback((error: StepUpError) => {
    safely(() => latest.current.onError?.(error));
  }, []);

  const body = useCallback(
    (option: StepUpOption) => ({
      clientCorrelationId,
      stepUpOption: { id: option.id },
      ...(tokenId ? { tokenId } : {}),
    }),
    [clientCorrelationId, tokenId],
  );

  const runSend = useCallback(
    (option: StepUpOption) => {
      const gen = ++generation.current;
      const ctrl = new AbortController();
      controller.current = ctrl;
      createMutation
        .mutateAsync({ request: body(option), signal: ctrl.signal })
        .then(
          (raw) => {
            if (gen !== generation.current) return;
            const receivedAt = now();
            const parsed = normalizeCreateOtpResponse(raw, codeExpirationUnit, receivedAt);
            if (!parsed.ok) {
              const error = malformedResponseError('create-otp', parsed.reason, raw);
              dispatch({ type: 'SEND_FAILED', error });
              reportError(error);
              return;
            }
            dispatch({ type: 'SEND_SUCCEEDED', grant: parsed.value, receivedAt });
            form.setValue('code', '');
            form.clearErrors('code');
            setFocusKey((k) => k + 1);
          },
          (reason: unknown) => {
            if (gen !== generation.current || isOwnAbort(reason, ctrl)) return;
            const error = toStepUpError(reason, 'create-otp', classifyError);
            dispatch({ type: 'SEND_FAILED', error });
            reportError(error);
          },
        )
        .finally(() => {
          if (controller.current === ctrl) controller.current = null;
        });
    },
    [body, classifyError, codeExpirationUnit, createMutation, dispatch, form, now, reportError],
  );

  const expire = useCallback((): boolean => {
    // refused while the code is being checked: the answer decides, and is announced instead
    if (!dispatch({ type: 'EXPIRE', now: now() })) return false;
    form.setValue('code', '');
    form.clearErrors('code');
    announcer.announce(messages.announceTimeLeft({ seconds: 0, locale }));
    reportError(new StepUpError('expired', 'clock', 'the code expired'));
    return true;
  }, [announcer, dispatch, form, locale, messages, now, reportError]);

  const runValidate = useCallback(
    (code: string) => {
      const current = stateRef.current!;
      if (current.status !== 'verifying') return;
      const option = current.code.option;
      const gen = ++generation.current;
      const ctrl = new AbortController();
      controller.current = ctrl;
      pendingValidation.current = { call: gen, request: { ...body(option), otp: code } };
      const clearCode = () => form.setValue('code', '');
      validateMutation
        .mutateAsync({ call: gen, signal: ctrl.signal })
        .then(
          (raw) => {
            if (gen !== generation.current) return;
            const parsed = normalizeValidateOtpResponse(raw);
            if (!parsed.ok) {
              const error = malformedResponseError('validate-otp', parsed.reason, raw);
              dispatch({ type: 'VERIFY_FAILED', error });
              reportError(error);
              return;
            }
            dispatch({ type: 'VERIFY_SUCCEEDED', response: parsed.value });
            clearCode();
            if (!verifiedOnce.current) {
              verifiedOnce.current = true;
              safely(() => latest.current.onVerified?.({ response: parsed.value, stepUpOption: option, clientCorrelationId }));
            }
          },
          (reason: unknown) => {
            if (gen !== generation.current || isOwnAbort(reason, ctrl)) return;
            const error = toStepUpError(reason, 'validate-otp', classifyError);
            dispatch({ type: 'VERIFY_FAILED', error });
            // the deadline may have passed while the code was being checked: then the code is simply
            // expired (announced and reported by expire), whatever the answer said of it
            const expired = expire();
            const after = stateRef.current!;
            if (after.status !== 'verify-failed') {
              // a rejected or expired code is spent: clear the field for the next one
              clearCode();
              setFocusKey((k) => k + 1);
            }
            // the machine turns the last wrong code into 'attempts-exhausted'
            if (!expired) reportError(('error' in after && after.error) || error);
          },
        )
        .finally(() => {
          if (controller.current === ctrl) controller.current = null;
        });
    },
    [body, classifyError, clientCorrelationId, dispatch, expire, form, reportError, validateMutation],
  );

  const validateCode = useCallback(
    (code: string): true | string => code.length === codeLength || messages.codeIncomplete({ length: codeLength }),
    [codeLength, messages],
  );

  const send = useCallback(() => {
    const current = stateRef.current!;
    if (current.status !== 'choosing') return;
    const id = form.getValues('optionId');
    const option = current.options.find((o) => o.id === id);
    if (!option) {
      form.setError('optionId', { type: 'required', message: messages.chooseMethodRequired }, { shouldFocus: true });
      return;
    }
    form.clearErrors('optionId');
    if (dispatch({ type: 'SEND', option })) runSend(option);
  }, [dispatch, form, messages, runSend]);

  const resend = useCallback(() => {
    // a resend that the machine refuses (a code being checked, no sends left) must not abort anything
    if (transition(stateRef.current!, { type: 'RESEND' }) === stateRef.current) return;
    abortInFlight();
    if (dispatch({ type: 'RESEND' })) {
      form.setValue('code', '');
      runSend((stateRef.current as Extract<StepUpState, { status: 'sending' }>).option);
    }
  }, [abortInFlight, dispatch, form, runSend]);

  const submitCode = useCallback(
    (typed?: string) => {
      const current = stateRef.current!;
      if (current.status !== 'code-entry' && current.status !== 'verify-failed') return;
      const code = typed ?? form.getValues('code');
      const valid = validateCode(code);
      if (valid !== true) {
        form.setError('code', { type: 'validate', message: valid });
        return;
      }
      form.clearErrors('code');
      if (!dispatch({ type: 'SUBMIT', now: now() })) return;
      const next = stateRef.current!;
      if (next.status === 'verifying') runValidate(code);
      else if (next.status === 'expired') {
        form.setValue('code', '');
        reportError(new StepUpError('expired', 'clock', 'the code expired before it was submitted'));
      }
    },
    [dispatch, form, now, reportError, runValidate, validateCode],
  );

  const retry = useCallback(() => {
    const current = stateRef.current!;
    if (current.status === 'send-failed') {
      if (dispatch({ type: 'RETRY' })) runSend(current.option);
    } else if (current.status === 'verify-failed') {
      // the code in the field again: SUBMIT checks its length, the deadline and the attempts left
      submitCode();
    }
  }, [dispatch, runSend, submitCode]);

  const changeMethod = useCallback(() => {
    if (stateRef.current!.status === 'verifying') return;
    abortInFlight();
    if (dispatch({ type: 'CHANGE_METHOD' })) {
      form.setValue('code', '');
      form.clearErrors();
      // the button that had focus is gone: keyboard and screen-reader users land on the choice
      setChoiceFocusKey((k) => k + 1);
    }
  }, [abortInFlight, dispatch, form]);

  const cancel = useCallback(() => {
    abortInFlight();
    if (dispatch({ type: 'CANCEL' })) {
      form.reset({ optionId: '', code: '' });
      safely(() => latest.current.onCancel?.());
    }
  }, [abortInFlight, dispatch, form]);

  // WebOTP for an SMS code: one request while the code is awaited, aborted once it is being checked or the step-up moves on
  const pendingCode = state.status === 'code-entry' ? currentCode(state) : undefined;
  const smsCodePending = options.webOtp !== false && pendingCode?.option.method === 'OTP_SMS';
  useWebOtp(smsCodePending, pendingCode?.sentAt, (received) => {
    const code = sanitizeCode(extractCode(received, codeLength), codeLength);
    if (code.length !== codeLength) return;
    form.setValue('code', code);
    submitCode(code);
  });

  // Status side effects: the merchant's callback and the polite announcements.
  const previousStatus = useRef<StepUpStatus | null>(null);
  useEffect(() => {
    const prev = previousStatus.current;
    previousStatus.current = state.status;
    if (prev === state.status) return;
    if (prev !== null) safely(() => latest.current.onStatusChange?.(state.status, state));
    if (state.status === 'sending') announcer.announce(messages.announceSending);
    else if (state.status === 'verifying') announcer.announce(messages.announceVerifying);
    else if (state.status === 'verified') announcer.announce(messages.verified);
    else if (state.status === 'cancelled') announcer.announce(messages.cancelled);
    // expiry by the clock is announced by the countdown's 0 s milestone; by the backend's word, here
    else if (state.status === 'expired' && state.error?.kind === 'expired') announcer.announce(messages.expired);
    else if (state.status === 'code-entry' && prev === 'sending')
      announcer.announce(
        messages.codeSent({ destination: messages.destination(state.code.option), method: state.code.option.method }),
      );
    // a failure is said by its alert: "Sending…" or "Checking…" must not linger as the current status
    else if ('error' in state && state.error) announcer.clear();
  }, [announcer, messages, state]);

  // Zero OTP options is reported once, on mount.
  const reportedNoOptions = useRef(false);
  useEffect(() => {
    if (state.status === 'no-options' && !reportedNoOptions.current) {
      reportedNoOptions.current = true;
      reportError(new StepUpError('no-otp-options', 'setup', 'the issuer offered no SMS, email or online-banking option'));
    }
  }, [reportError, state.status]);

  // Abort what is in flight when the step-up unmounts, and forget the code. React's <Activity> runs this
  // when it hides the step-up and keeps the state: shown again, a step-up still "sending" or "checking"
  // would wait forever for the call aborted meanwhile, so that call counts as failed and Try again repeats it.
  useEffect(() => {
    const current = stateRef.current!;
    if ((current.status === 'sending' || current.status === 'verifying') && !controller.current) {
      const sending = current.status === 'sending';
      const error = new StepUpError('unknown', sending ? 'create-otp' : 'validate-otp', 'the call was stopped while the step-up was hidden');
      dispatch(sending ? { type: 'SEND_FAILED', error } : { type: 'VERIFY_FAILED', error });
      reportError(error);
    }
    return () => abortInFlight();
  }, [abortInFlight, dispatch, reportError]);

  return {
    state,
    status: state.status,
    options: state.options,
    messages,
    locale,
    codeLength,
    clientCorrelationId,
    form,
    announcer,
    now,
    cancellable: Boolean(options.onCancel),
    send,
    resend,
    submitCode,
    retry,
    changeMethod,
    cancel,
    expire,
    validateCode,
    focusKey,
    choiceFocusKey,
  };
}

/** An abort we caused (change of method, cancel, unmount) is not a failure to report. */
function isOwnAbort(reason: unknown, ctrl: AbortController): boolean {
  if (!ctrl.signal.aborted) return false;
  return (
    (reason instanceof StepUpBackendError && reason.kind === 'aborted') ||
    (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'AbortError') ||
    reason === ctrl.signal.reason
  );
}

/** Runs a merchant callback; one that throws is reported to the page, never breaks the step-up. */
function safely(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    // reportError fires the page's error event (and error trackers) without unwinding our code
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    else
      queueMicrotask(() => {
        throw error;
      });
  }
}
