import { escapeHtml } from './outbox-page.js';

/** The query parameters the simulated issuer page reads, as public code names them (`wpcallback`, `identifier`, `a2apayload`). */
export interface IssuerPageRequest {
  wpcallback: string;
  identifier?: string;
  a2apayload?: string;
}

/** The return URL the page may send the cardholder to: http or https only, so a `javascript:` URL never runs. */
export function callbackUrl(value: string | null | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `wpcallback` with the issuer's answer: `stepupresponse=approved|declined|failure`, and `stepupauthcode` on approve. */
export function issuerReturn(callback: URL, response: 'approved' | 'declined' | 'failure', code?: string): string {
  const url = new URL(callback.href);
  url.searchParams.set('stepupresponse', response);
  if (code) url.searchParams.set('stepupauthcode', code);
  return url.href;
}

/**
 * The simulated issuer page of the web variant of `APP_TO_APP` (`platformType` `WEB`, `subMethod` `3DS`): who
 * is asking, and Approve and Decline, each a form that posts back here and is redirected to `wpcallback`.
 */
export function issuerPage(request: IssuerPageRequest, cardholderSees: { method?: string; value?: string } = {}): string {
  const hidden = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const fields = hidden('wpcallback', request.wpcallback) + hidden('identifier', request.identifier) + hidden('a2apayload', request.a2apayload);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Bank – confirm it's you</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem auto;max-width:28rem;padding:0 1rem}form{display:inline}button{font:inherit;padding:.5rem 1.2rem;margin-right:.5rem}</style>
</head><body>
<h1>Acme Bank</h1>
<p>A shop asks to confirm your card on this device${cardholderSees.value ? ` (${escapeHtml(cardholderSees.value)})` : ''}.</p>
<p>This is the stepup-kit sandbox's simulated issuer page.</p>
<form method="post" action="/__issuer">${fields}<input type="hidden" name="decision" value="approve"><button>Approve</button></form>
<form method="post" action="/__issuer">${fields}<input type="hidden" name="decision" value="decline"><button>Decline</button></form>
</body></html>
`;
}
