import { expect, waitFor, within } from 'storybook/test';
import type { StepUpSandbox } from '../../src/sandbox';

type Canvas = ReturnType<typeof within>;
interface User {
  click(element: Element): Promise<void>;
  type(element: Element, text: string): Promise<void>;
  keyboard(text: string): Promise<void>;
}

/** The step-up root (a labelled group carrying data-status). */
export function root(canvas: Canvas): HTMLElement {
  return canvas.getByRole('group', { name: /confirm it’s you|bestätigen/i });
}

export async function waitForStatus(canvas: Canvas, status: string, timeout = 4000): Promise<void> {
  await waitFor(() => expect(root(canvas)).toHaveAttribute('data-status', status), { timeout });
}

/** Chooses a channel by its label and presses "Send code"; waits for the code field. */
export async function chooseAndSend(canvas: Canvas, user: User, channel: RegExp): Promise<HTMLInputElement> {
  await user.click(canvas.getByRole('radio', { name: channel }));
  await user.click(canvas.getByRole('button', { name: 'Send code' }));
  return (await canvas.findByLabelText('Verification code', {}, { timeout: 4000 })) as HTMLInputElement;
}

/** The code the simulator sent last. */
export function sentCode(sandbox: StepUpSandbox): string {
  const message = sandbox.lastMessage();
  if (!message) throw new Error('the simulator sent no code');
  return message.code;
}

/** A wrong code of the same length as the one sent. */
export function wrongCode(sandbox: StepUpSandbox): string {
  return sentCode(sandbox)
    .split('')
    .map((d) => String((Number(d) + 1) % 10))
    .join('');
}

/**
 * A text matcher for the innermost element whose whole text is `text`, even when the masked destination
 * inside it sits in its own span; the live region is left out.
 */
export function wholeText(text: string) {
  return (_content: string, element: Element | null) =>
    element !== null &&
    element.textContent === text &&
    !element.closest('[role="status"]') &&
    !Array.from(element.children).some((child) => child.textContent === text);
}
