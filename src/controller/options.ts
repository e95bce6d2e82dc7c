import type {
  BackendOperation,
  CodeExpirationUnit,
  ErrorClassifier,
  RawStepUpOption,
  StepUpBackend,
  StepUpError,
  StepUpOption,
  StepUpState,
  StepUpStatus,
} from '../core/index.js';

/** What `onVerified` receives. */
export interface StepUpVerifiedResult {
  /** The validate answer, e.g. `{ action: 'AUTHENTICATION_REGISTRATION' }`. */
  response: Record<string, unknown>;
  /** The option the code was sent through. */
  stepUpOption: StepUpOption;
  /** The id sent with every call of this step-up. */
  clientCorrelationId: string;
}

/** One backend call, as the controller hands it to a `CallRunner`. */
export interface BackendCall<T = unknown> {
  operation: BackendOperation;
  /** The step-up the call belongs to (its `clientCorrelationId`): the calls of one step-up share it. */
  stepUpId: string;
  /** What a runner may show of the call (a merchant's MutationCache callbacks, the devtools): never the code. */
  variables: { clientCorrelationId: string; stepUpOption: { id: string }; tokenId?: string };
  /** Makes the call, once; rejects as soon as the controller abandons it, whatever the backend does. */
  run(): Promise<T>;
}

/** Runs a backend call. `useStepUpOtp` runs each one as a TanStack Query mutation; by default it is just made. */
export type CallRunner = (call: BackendCall) => Promise<unknown>;

/** The step-up itself: its options, its backend, and what the merchant is told. */
export interface StepUpControllerOptions {
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
  /**
   * Only these methods are offered (e.g. `['OTP_SMS', 'APP_TO_APP']`), in the issuer's order.
   * @defaultValue every method the step-up can complete
   */
  methods?: readonly string[];
  /** Whether an option that sends no code is offered: `useStepUpOtp` sets it from `outOfBand`. */
  offersOutOfBand?: (option: StepUpOption) => boolean;
  /** Called exactly once, when the backend accepts the code. */
  onVerified?: (result: StepUpVerifiedResult) => void;
  /** Called with a typed error whenever something fails (a wrong code included), once per failure. */
  onError?: (error: StepUpError) => void;
  /** Called whenever the status changes. */
  onStatusChange?: (status: StepUpStatus, state: StepUpState) => void;
  /** Called when the cardholder presses Cancel; the Cancel button shows only when this is given. */
  onCancel?: () => void;
  /** Maps a failed call to an error kind; return `undefined` to use the default mapping. */
  classifyError?: ErrorClassifier;
  /**
   * The wall clock, for tests and stories.
   * @defaultValue Date.now
   */
  now?: () => number;
  /**
   * How each backend call is run (`useStepUpOtp` runs them as TanStack Query mutations).
   * @defaultValue the call is made directly
   */
  runCall?: CallRunner;
}
