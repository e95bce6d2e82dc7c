const PATHS: Record<string, string> = {
  // a phone with a message bubble
  OTP_SMS: 'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5H7zm4 14.5h2',
  // an envelope
  OTP_EMAIL: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.2V17h16V7.2l-8 5.3-8-5.3zM5.3 7l6.7 4.4L18.7 7H5.3z',
  // a bank building
  OTP_ONLINE_BANKING: 'M12 2 2 7v2h20V7L12 2zm0 2.3L18.6 7H5.4L12 4.3zM4 11v7h2v-7H4zm5 0v7h2v-7H9zm4 0v7h2v-7h-2zm5 0v7h2v-7h-2zM2 20v2h20v-2H2z',
};

/** A decorative icon for a step-up method; hidden from assistive technology (the label says it all). */
export function MethodIcon({ method }: { method: string }) {
  const d = PATHS[method];
  if (!d) return null;
  return (
    <svg data-part="channel-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
