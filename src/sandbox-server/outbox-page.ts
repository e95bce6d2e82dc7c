import type { OutboxMessage } from '../sandbox/simulator.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The simulated phone and inbox as a page that refreshes itself, newest code first. */
export function outboxPage(messages: readonly OutboxMessage[]): string {
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
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.code{font:600 1.2em ui-monospace,monospace}</style>
</head><body>
<h1>Codes sent (${messages.length})</h1>
<p>The sandbox's simulated phones and inboxes. JSON: <a href="?format=json">?format=json</a></p>
<table><thead><tr><th>Sent</th><th>Token</th><th>Method</th><th>To</th><th>Code</th><th>Expires</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">No code sent yet.</td></tr>'}
</tbody></table>
</body></html>
`;
}
