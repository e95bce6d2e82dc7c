import { useId } from 'react';
import { inGroup, phaseOf, resendsLeft } from '../core/index.js';
import * as StepUp from '../primitives/index.js';
import { useStepUpOtp, type UseStepUpOtpOptions } from '../react/use-step-up-otp.js';

export interface StepUpOtpProps extends UseStepUpOtpOptions {
  /** Extra class on the root, next to `stepup`. */
  className?: string;
  /**
   * Move focus into the step-up when it mounts (first channel, or the code field).
   * @defaultValue false
   */
  autoFocus?: boolean;
}

/**
 * The whole OTP step-up: channel choice, send, code entry with countdown, attempts and resends, and
 * every failure with a next action. Style it with `stepup-kit/styles.css` and `--stepup-*` variables.
 */
export function StepUpOtp({ className, autoFocus = false, ...options }: StepUpOtpProps) {
  const stepUp = useStepUpOtp(options);
  const phase = phaseOf(stepUp.state);
  const resendInfoId = useId();
  // once the code is dead, a new one is the way forward
  const resendInfoShown = resendsLeft(stepUp.state) !== undefined;
  const resendIsPrimary = inGroup(stepUp.state, 'spent');
  return (
    <StepUp.Root
      stepUp={stepUp}
      className={className ? `stepup ${className}` : 'stepup'}
      autoFocus={autoFocus}
    >
      <StepUp.Title />
      {phase === 'unavailable' ? (
        <>
          <StepUp.ErrorMessage />
          <div data-part="actions">
            <StepUp.CancelButton />
          </div>
        </>
      ) : null}
      {stepUp.away && stepUp.config.outOfBand ? (
        stepUp.config.outOfBand.render(stepUp)
      ) : phase === 'choose' ? (
        <>
          <p data-part="intro">{stepUp.messages.intro}</p>
          <StepUp.ChannelPicker />
          <StepUp.ErrorMessage />
          <StepUp.ResendInfo onlyWhenExhausted />
          <div data-part="actions">
            {stepUp.status === 'send-failed' ? (
              <StepUp.RetryButton />
            ) : (
              <StepUp.SendButton>
                {stepUp.chosen?.isOtp === false ? stepUp.config.outOfBand?.continueLabel : undefined}
              </StepUp.SendButton>
            )}
            <StepUp.ChangeMethodButton />
            <StepUp.CancelButton />
          </div>
        </>
      ) : null}
      {phase === 'code' ? (
        <>
          <StepUp.CodeSentNotice />
          <StepUp.CodeInput />
          <div data-part="code-status">
            <StepUp.Countdown />
            <StepUp.Attempts />
          </div>
          <StepUp.ErrorMessage />
          <div data-part="actions">
            {inGroup(stepUp.state, 'failed') ? (
              <StepUp.RetryButton />
            ) : resendIsPrimary ? (
              <StepUp.ResendButton describedBy={resendInfoShown ? resendInfoId : undefined} />
            ) : (
              <StepUp.VerifyButton />
            )}
            <StepUp.CancelButton />
          </div>
          <div data-part="secondary-actions">
            <span data-part="resend-group">
              {resendIsPrimary ? null : <StepUp.ResendButton describedBy={resendInfoShown ? resendInfoId : undefined} />}
              <StepUp.ResendInfo id={resendInfoId} />
            </span>
            <StepUp.ChangeMethodButton />
          </div>
        </>
      ) : null}
      {phase === 'verified' ? <StepUp.Success /> : null}
      {phase === 'cancelled' ? <StepUp.Cancelled /> : null}
    </StepUp.Root>
  );
}
