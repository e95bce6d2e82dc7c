import { forwardRef, useEffect, useId, useRef, type ComponentPropsWithoutRef } from 'react';
import { Controller } from 'react-hook-form';
import { MethodIcon } from './method-icon.js';
import { useStepUpContext } from './context.js';
import { withDestination } from './destination.js';
import { isChoiceReopened, offers } from '../core/index.js';
import { useComposedRefs } from './compose.js';

export type ChannelPickerProps = ComponentPropsWithoutRef<'fieldset'>;

/**
 * A labelled radio group of the OTP options, each with its kind and masked destination. The values are
 * rendered as text (never HTML). The radios belong to no form, so the merchant's form never submits them.
 */
export const ChannelPicker = forwardRef<HTMLFieldSetElement, ChannelPickerProps>(function ChannelPicker(props, ref) {
  const { form, options, messages, ids, state, changeMethod, choiceFocusKey, config } = useStepUpContext();
  const { outOfBand } = config;
  const groupName = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const composedRef = useComposedRefs(ref, fieldset);
  useEffect(() => {
    if (choiceFocusKey === 0) return;
    const radios = fieldset.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const target = Array.from(radios ?? []).find((r) => r.checked) ?? radios?.[0];
    target?.focus();
  }, [choiceFocusKey]);
  // after a failed first send the error says "choose another method": the list is open for that
  const reopened = isChoiceReopened(state);
  const locked = !offers(state, 'choose');
  const error = form.formState.errors.optionId?.message;
  return (
    <fieldset
      data-part="channel-picker"
      aria-describedby={error ? ids.optionError : undefined}
      aria-invalid={error ? true : undefined}
      {...props}
      ref={composedRef}
      disabled={locked || props.disabled}
    >
      <legend data-part="legend">{messages.chooseMethod}</legend>
      <Controller
        name="optionId"
        control={form.control}
        rules={{ required: messages.chooseMethodRequired }}
        render={({ field }) => (
          <div data-part="channel-list">
            {options.map((option, index) => {
              const methodName = messages.methodName(option.method);
              const checked = field.value === option.id;
              return (
                <label
                  key={option.id}
                  data-part="channel-option"
                  data-method={option.method}
                  data-state={checked ? 'checked' : 'unchecked'}
                >
                  <input
                    type="radio"
                    name={groupName}
                    // an id that names no form: the radios belong to no form, so the merchant's
                    // checkout form neither submits the option id nor submits itself on Enter
                    form={`${groupName}-no-form`}
                    value={option.id}
                    checked={checked}
                    onChange={() => {
                      if (reopened) changeMethod();
                      field.onChange(option.id);
                      form.clearErrors('optionId');
                    }}
                    onBlur={field.onBlur}
                    ref={index === 0 || checked ? field.ref : undefined}
                    data-part="channel-radio"
                  />
                  {option.isOtp || !outOfBand ? (
                    <>
                      <MethodIcon method={option.method} />
                      <span data-part="channel-label">
                        {withDestination(
                          messages.optionLabel({ method: option.method, methodName, value: option.value }),
                          option.value,
                        )}
                      </span>
                    </>
                  ) : (
                    outOfBand.label(option)
                  )}
                </label>
              );
            })}
          </div>
        )}
      />
      {error ? (
        <p id={ids.optionError} role="alert" data-part="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
});
