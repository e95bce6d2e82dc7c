import { useEffect, useRef } from 'react';

/**
 * WebOTP (Chrome on Android): while `active`, ask the browser for a code from an SMS addressed to this
 * origin (`@shop.example #123456`), and hand it to `onCode`. A progressive enhancement: where the API is
 * missing, or the cardholder declines, nothing happens. The request is aborted when `active` ends (code
 * entered, resend, another method, unmount), so a stale SMS is never taken.
 */
export function useWebOtp(active: boolean, key: unknown, onCode: (code: string) => void): void {
  const callback = useRef(onCode);
  callback.current = onCode;
  useEffect(() => {
    if (!active || typeof window === 'undefined' || !('OTPCredential' in window)) return;
    const credentials = navigator.credentials as CredentialsContainer | undefined;
    if (!credentials?.get) return;
    const controller = new AbortController();
    credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as { code?: unknown } | null)?.code;
        if (!controller.signal.aborted && typeof code === 'string') callback.current(code);
      })
      .catch(() => {
        // declined, timed out or aborted: the cardholder types the code
      });
    return () => controller.abort();
  }, [active, key]);
}
