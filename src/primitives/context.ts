import { createContext, useContext } from 'react';
import type { UseStepUpOtpResult } from '../react/use-step-up-otp.js';

/** Ids that tie labels, descriptions and the live region together. */
export interface StepUpIds {
  title: string;
  code: string;
  codeHint: string;
  countdown: string;
  attempts: string;
  codeError: string;
  /** The error alert (a wrong code, a failed call). */
  error: string;
  optionError: string;
}

export interface StepUpContextValue extends UseStepUpOtpResult {
  ids: StepUpIds;
  /**
   * Whether the cardholder's focus is in the step-up: set when focus enters it, cleared when focus or a
   * pointer press goes elsewhere on the page. A control of the step-up that is disabled or removed
   * leaves it set, which is how the parts know that focus was lost rather than taken elsewhere.
   */
  focusInside: { current: boolean };
  /** The step-up's element. */
  rootElement: { current: HTMLElement | null };
}

export const StepUpContext = createContext<StepUpContextValue | null>(null);

/** The step-up of the nearest `StepUp.Root` (the stack names the part that has none). */
export function useStepUpContext(): StepUpContextValue {
  const value = useContext(StepUpContext);
  if (!value) throw new Error('StepUp parts need StepUp.Root');
  return value;
}
