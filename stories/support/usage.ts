/** The usage section of the autodocs page. */
export const USAGE = `
\`<StepUpOtp>\` runs the whole one-time-password step-up of a tokenized Visa card: the cardholder chooses
SMS, email or online banking, your backend asks Visa Acceptance for a code, and the cardholder enters it.

**Wiring a backend.** The component never talks to Visa. It calls a \`backend\` with two methods, passing the
Visa request bodies unchanged; \`createFetchBackend\` posts them to your server, which signs and forwards them:

\`\`\`tsx
import { StepUpOtp, createFetchBackend } from 'stepup-kit';
import 'stepup-kit/styles.css';

const backend = createFetchBackend({ baseUrl: '/api/step-up' });
// POST /api/step-up/one-time-passwords  {clientCorrelationId, stepUpOption:{id}}
//   → forward to /tms/v2/tokenized-cards/{tokenId}/authentication-options/one-time-passwords
// POST /api/step-up/validate  {clientCorrelationId, stepUpOption:{id}, otp}
//   → forward to /tms/v2/tokenized-cards/{tokenId}/authentication-options/validate

<StepUpOtp
  stepUpOptions={authenticationOptions.stepUpOptions}
  backend={backend}
  onVerified={({ response }) => registerPasskey(response)}
  onError={(error) => log(error.kind)}
/>;
\`\`\`

Every story here runs offline against \`stepup-kit/sandbox\`, an in-memory simulator of the Visa endpoints;
the dark box beside the component shows the code it "sent".

This page shows the starting states. Every other state (sending, wrong code, expired, no attempts or sends
left, a failed call, verified, cancelled…) has its own story in the sidebar, which plays the cardholder's
steps to reach it; a docs page does not run those steps.
`;
