import type { OutOfBandRequest } from '../sandbox/out-of-band.js';
import type { OutboxMessage } from '../sandbox/simulator.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The out-of-band step-ups waiting for the issuer, each with Approve and Decline (`POST /__control/…`). */
function pendingSection(pending: readonly OutOfBandRequest[]): string {
  const form = (tokenId: string, decision: 'approve' | 'decline', label: string) =>
    `<form method="post" action="/__control/${decision}"><input type="hidden" name="tokenId" value="${escapeHtml(tokenId)}"><button>${label}</button></form>`;
  const rows = pending
    .map(
      (p) =>
        `<tr><td>${escapeHtml(new Date(p.at).toISOString())}</td><td>${escapeHtml(p.tokenId)}</td><td>${escapeHtml(p.method)}</td>` +
        `<td>${escapeHtml(p.to)}</td><td>${escapeHtml(p.state)}</td><td>${form(p.tokenId, 'approve', 'Approve')} ${form(p.tokenId, 'decline', 'Decline')}</td></tr>`,
    )
    .join('\n');
  return `<h2>Waiting for the bank (${pending.length})</h2>
<p>Calls and app approvals the issuer has not decided. Approve, and authentication-options answers AUTHENTICATION_REGISTRATION for the token.</p>
<table><thead><tr><th>Since</th><th>Token</th><th>Method</th><th>Value</th><th>State</th><th>Issuer</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">Nothing waiting.</td></tr>'}
</tbody></table>`;
}

/** The simulated phone and inbox as a page that refreshes itself, newest code first, then the out-of-band step-ups waiting. */
export function outboxPage(messages: readonly OutboxMessage[], pending: readonly OutOfBandRequest[] = []): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(new Date(m.sentAt).toISOString())}</td><td>${escapeHtml(m.tokenId)}</td><td>${escapeHtml(m.method)}</td>` +
        `<td>${escapeHtml(m.to)}</td><td class="code">${escapeHtml(m.code)}</td><td>${escapeHtml(new Date(m.expiresAt).toISOString())}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>stepup-kit sandbox outbox</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}form{display:inline}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.code{font:600 1.2em ui-monospace,monospace}</style>
</head><body>
<h1>Codes sent (${messages.length})</h1>
<p>The sandbox's simulated phones and inboxes. JSON: <a href="?format=json">?format=json</a></p>
<table><thead><tr><th>Sent</th><th>Token</th><th>Method</th><th>To</th><th>Code</th><th>Expires</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">No code sent yet.</td></tr>'}
</tbody></table>
${pendingSection(pending)}
</body></html>
`;
}
