import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { inGroup, type StepUpState } from '../core/index.js';
import type { StepUpController } from '../controller/step-up-controller.js';

/** The react-hook-form values of the step-up. */
export interface StepUpFormValues {
  /** The chosen step-up option id. */
  optionId: string;
  /** The digits typed so far. Never persisted, cleared when the step-up ends. */
  code: string;
}

/**
 * react-hook-form owns the field values; the controller's changes say when they go: the typed code
 * stays only while the same code is live and unjudged, so a new, wrong, dead or accepted code leaves
 * an empty field behind, and Cancel forgets the choice too.
 */
export function useFieldSync(controller: StepUpController, form: UseFormReturn<StepUpFormValues>): void {
  useEffect(
    () =>
      controller.subscribe(({ state }, { state: previous }) => {
        if (state.status === 'cancelled') return form.reset({ optionId: '', code: '' });
        if (state.status === 'choosing') form.clearErrors();
        if (keepsCode(previous, state)) return;
        if (form.getValues('code') !== '') form.setValue('code', '');
        form.clearErrors('code');
      }),
    [controller, form],
  );
}

/**
 * Whether the code typed for `previous` is still the one to check in `state`: the machine keeps the same
 * code object while that code is live and unjudged, and makes a new one for a new code or a refused one.
 */
function keepsCode(previous: StepUpState, state: StepUpState): boolean {
  return inGroup(state, 'pending') && inGroup(previous, 'pending') && previous.code === state.code;
}
