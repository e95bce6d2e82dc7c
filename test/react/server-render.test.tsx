// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { StepUpOtp, type StepUpBackend } from '../../src';

/** A merchant's server (Next.js, Remix) renders the checkout with the step-up in it before any JavaScript runs. */
describe('server rendering', () => {
  const backend: StepUpBackend = {
    createOtp: () => Promise.reject(new Error('not on the server')),
    validateOtp: () => Promise.reject(new Error('not on the server')),
  };

  it('renders the channel choice as HTML, calls nothing and warns nothing', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const createOtp = vi.spyOn(backend, 'createOtp');
    try {
      const html = renderToString(
        <StepUpOtp
          stepUpOptions={[
            { id: 'sms', method: 'OTP_SMS', value: '***-***-1234' },
            { id: 'email', method: 'OTP_EMAIL', value: 'j***@example.com' },
          ]}
          backend={backend}
          clientCorrelationId="fixed-id"
        />,
      );

      expect(html).toContain('Confirm it’s you');
      expect(html).toContain('***-***-1234');
      expect(html).toContain('data-status="choosing"');
      expect(html).toContain('role="status"');
      expect(createOtp).not.toHaveBeenCalled();
      expect(logged).not.toHaveBeenCalled();
      expect(warned).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      warned.mockRestore();
    }
  });
});
