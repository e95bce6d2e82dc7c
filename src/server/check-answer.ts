import type { CheckStepUpStatus } from '../core/types.js';

/** What Visa answered a re-run of authentication-options, for `interpretCheck` to read. */
export interface CheckAnswer {
  /** Visa's HTTP status: 2xx, or a 4xx that came with Visa's own error body. */
  status: number;
  /** Visa's JSON body: `{ action, stepUpOptions }` on 2xx, its error body on 4xx. */
  body: unknown;
  /** The out-of-band option the cardholder chose (by a selection submit), if any. */
  selectedOptionId?: string;
}

/** Reads a check's answer; `undefined` means it says nothing about the step-up (the route answers 502 `upstream-error`). */
export type CheckInterpreter = (answer: CheckAnswer) => CheckStepUpStatus | undefined;
