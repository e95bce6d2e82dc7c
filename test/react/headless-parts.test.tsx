/**
 * The `StepUp.*` parts as a merchant composes them: each spreads the merchant's props onto its element,
 * forwards a ref to it, and runs the merchant's handler first (a `preventDefault()` there stops the
 * part's own), and none needs the default stylesheet to be accessible.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ReactElement, type RefObject } from 'react';
import { StepUp, useStepUpOtp, type UseStepUpOtpOptions } from '../../src';
import { GRANT, SMS, EMAIL, answer, createMockBackend, fail, settle, wrongCodeError } from './helpers';

function Layout({ options, children }: { options: UseStepUpOtpOptions; children: (stepUp: ReturnType<typeof useStepUpOtp>) => ReactElement }) {
  const stepUp = useStepUpOtp(options);
  return children(stepUp);
}

function setup(children: (stepUp: ReturnType<typeof useStepUpOtp>) => ReactElement, extra: Partial<UseStepUpOtpOptions> = {}) {
  const backend = createMockBackend();
  const user = userEvent.setup({ delay: null });
  render(<Layout options={{ stepUpOptions: [SMS, EMAIL], backend: backend.backend, onCancel: () => {}, ...extra }}>{children}</Layout>);
  return { backend, user };
}

describe('every part spreads props and forwards its ref', () => {
  it('on the choice screen', async () => {
    const refs = {
      root: createRef<HTMLDivElement>(),
      title: createRef<HTMLHeadingElement>(),
      picker: createRef<HTMLFieldSetElement>(),
      send: createRef<HTMLButtonElement>(),
      cancel: createRef<HTMLButtonElement>(),
    };
    setup((stepUp) => (
      <StepUp.Root stepUp={stepUp} ref={refs.root} data-testid="root" className="mine">
        <StepUp.Title ref={refs.title} data-testid="title" />
        <StepUp.ChannelPicker ref={refs.picker} data-testid="picker" />
        <StepUp.SendButton ref={refs.send} data-testid="send" className="brand" />
        <StepUp.CancelButton ref={refs.cancel} data-testid="cancel" />
      </StepUp.Root>
    ));
    for (const [name, ref] of Object.entries(refs) as [string, RefObject<HTMLElement | null>][]) {
      expect(ref.current, name).toBe(screen.getByTestId(name));
    }
    expect(screen.getByTestId('root')).toHaveClass('mine');
    expect(screen.getByTestId('send')).toHaveClass('brand');
    // the ids that tie the parts together stay the parts' own
    expect(screen.getByRole('group', { name: 'Confirm it’s you' })).toBe(refs.root.current);
  });

  it('on the code screen, with the field and the texts', async () => {
    const refs = {
      field: createRef<HTMLDivElement>(),
      notice: createRef<HTMLParagraphElement>(),
      countdown: createRef<HTMLParagraphElement>(),
      attempts: createRef<HTMLParagraphElement>(),
      info: createRef<HTMLParagraphElement>(),
      verify: createRef<HTMLButtonElement>(),
      resend: createRef<HTMLButtonElement>(),
      change: createRef<HTMLButtonElement>(),
      error: createRef<HTMLParagraphElement>(),
    };
    const input = createRef<HTMLInputElement>();
    const { backend, user } = setup((stepUp) => (
      <StepUp.Root stepUp={stepUp}>
        <StepUp.Title />
        {stepUp.status === 'choosing' || stepUp.status === 'sending' ? (
          <StepUp.SendButton />
        ) : (
          <>
            <StepUp.CodeSentNotice ref={refs.notice} data-testid="notice" />
            <StepUp.CodeInput ref={refs.field} inputRef={input} data-testid="field" />
            <StepUp.Countdown ref={refs.countdown} data-testid="countdown" />
            <StepUp.Attempts ref={refs.attempts} data-testid="attempts" />
            <StepUp.ResendInfo ref={refs.info} data-testid="info" />
            <StepUp.ErrorMessage ref={refs.error} data-testid="error" />
            <StepUp.VerifyButton ref={refs.verify} data-testid="verify" />
            <StepUp.ResendButton ref={refs.resend} data-testid="resend" />
            <StepUp.ChangeMethodButton ref={refs.change} data-testid="change" />
          </>
        )}
      </StepUp.Root>
    ), { stepUpOptions: [SMS] });
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await settle();
    await answer(backend.lastCreate(), GRANT);
    await user.click(screen.getByLabelText('Verification code'));
    await user.keyboard('111111');
    await settle();
    await fail(backend.lastValidate(), wrongCodeError());

    for (const [name, ref] of Object.entries(refs) as [string, RefObject<HTMLElement | null>][]) {
      expect(ref.current, name).toBe(screen.getByTestId(name));
    }
    expect(input.current).toBe(screen.getByLabelText('Verification code'));
  });
});

describe('handlers compose: the merchant’s first, which may prevent the part’s own', () => {
  it('a click the merchant prevents sends nothing; one it only watches sends once', async () => {
    const watched = vi.fn();
    let prevent = true;
    const { backend, user } = setup((stepUp) => (
      <StepUp.Root stepUp={stepUp}>
        <StepUp.Title />
        <StepUp.ChannelPicker />
        <StepUp.SendButton
          onClick={(event) => {
            watched();
            if (prevent) event.preventDefault();
          }}
        />
      </StepUp.Root>
    ));
    await user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await settle();
    expect(watched).toHaveBeenCalledTimes(1);
    expect(backend.createOtp).not.toHaveBeenCalled();

    prevent = false;
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await settle();
    expect(watched).toHaveBeenCalledTimes(2);
    expect(backend.createOtp).toHaveBeenCalledTimes(1);
  });

  it('a key the merchant prevents on the root is not taken as Enter on the step-up', async () => {
    const { backend, user } = setup((stepUp) => (
      <StepUp.Root stepUp={stepUp} onKeyDown={(event) => event.preventDefault()}>
        <StepUp.Title />
        <StepUp.ChannelPicker />
      </StepUp.Root>
    ));
    await user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await user.keyboard('{Enter}');
    await settle();
    expect(backend.createOtp).not.toHaveBeenCalled();
  });

  it('a label of the merchant’s own replaces the part’s', () => {
    setup((stepUp) => (
      <StepUp.Root stepUp={stepUp}>
        <StepUp.Title>Verify your card</StepUp.Title>
        <StepUp.SendButton>Text me a code</StepUp.SendButton>
      </StepUp.Root>
    ));
    expect(screen.getByRole('heading', { name: 'Verify your card' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Text me a code' })).toBeInTheDocument();
  });
});

/** A layout of the field and `part`: sends a code and types `code`, leaving its check pending. */
async function typeBeside(part: ReactElement, code: string) {
  const { backend, user } = setup(
    (stepUp) => (
      <StepUp.Root stepUp={stepUp}>
        <StepUp.Title />
        {stepUp.status === 'choosing' || stepUp.status === 'sending' ? <StepUp.SendButton /> : <StepUp.CodeInput />}
        {part}
      </StepUp.Root>
    ),
    { stepUpOptions: [SMS] },
  );
  await user.click(screen.getByRole('button', { name: 'Send code' }));
  await settle();
  await answer(backend.lastCreate(), GRANT);
  await user.click(screen.getByLabelText('Verification code'));
  await user.keyboard(code);
  await settle();
  return backend;
}

describe('accessible without the default stylesheet', () => {
  it('hides the attempts repeated in the wrong-code alert by itself', async () => {
    const backend = await typeBeside(<StepUp.ErrorMessage />, '111111');
    await fail(backend.lastValidate(), wrongCodeError());

    const extra = screen.getByText('2 attempts left.');
    expect(extra.style.position).toBe('absolute');
    expect(extra.style.overflow).toBe('hidden');
    expect(extra.style.width).toBe('1px');
    expect(screen.getByRole('status').style.position).toBe('absolute');
  });

  it('draws the success mark in the text’s colour, with no colour of its own', async () => {
    const backend = await typeBeside(<StepUp.Success />, '123456');
    await answer(backend.lastValidate(), { action: 'AUTHENTICATION_REGISTRATION' });

    const icon = document.querySelector('[data-part="success-icon"]')!;
    const painted = [...icon.querySelectorAll('*')].flatMap((el) => [el.getAttribute('fill'), el.getAttribute('stroke')]);
    expect(painted.filter((c) => c !== null && c !== 'none' && c !== 'currentColor')).toEqual([]);
  });
});
