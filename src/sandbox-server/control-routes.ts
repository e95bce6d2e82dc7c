import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSandboxMethod } from '../sandbox/out-of-band-methods.js';
import type { StepUpSandbox } from '../sandbox/simulator.js';
import { callbackUrl, issuerPage, issuerReturn } from './issuer-page.js';

/** What a control route needs from the server: the simulator, the raw body and the answer writers. */
export interface ControlIo {
  sandbox: StepUpSandbox;
  body(): Promise<Buffer | undefined>;
  send(status: number, type: string, text: string, headers?: Record<string, string>): number;
}

/**
 * The sandbox's own controls, beside the TMS paths (unsigned, like the outbox: keep the server on loopback):
 * - `POST /__control/approve|decline` `{ tokenId }`: the issuer decides the token's out-of-band step-up;
 * - `POST /__control/issuer-code` `{ tokenId, optionId }`: a code as the bank's app returns it → `{ issuerAuthCode }`;
 * - `POST /__control/methods` `{ tokenId, methods }`: the methods authentication-options offers the token (`null`: the default);
 * - `POST /__control/forget` `{ tokenId }`: the issuer forgets the token's decision, methods and waiting step-ups (a card starts over);
 * - `GET /__issuer?wpcallback=…&a2apayload=…`: the simulated issuer page; its forms `POST /__issuer` and are sent
 *   on to `wpcallback` with `stepupresponse` (and `stepupauthcode` on approve).
 * Forms (urlencoded) are answered with a redirect to the outbox; JSON with JSON.
 *
 * @returns the status answered, or `undefined` when the path is not a control route
 */
export async function handleControl(req: IncomingMessage, url: URL, io: ControlIo): Promise<number | undefined> {
  const { sandbox } = io;
  const json = (status: number, value: unknown) => io.send(status, 'application/json;charset=utf-8', JSON.stringify(value));
  if (url.pathname === '/__issuer') {
    if (req.method === 'GET') {
      const wpcallback = url.searchParams.get('wpcallback');
      if (!callbackUrl(wpcallback)) return io.send(400, 'text/plain;charset=utf-8', 'wpcallback must be an http(s) URL');
      const a2apayload = url.searchParams.get('a2apayload') ?? undefined;
      const target = a2apayload ? sandbox.outOfBand.resolveHandle(a2apayload) : undefined;
      const option = target && sandbox.outOfBand.optionsFor(target.tokenId, sandbox.authenticationOptions().stepUpOptions).find((o) => o.id === target.optionId);
      const page = issuerPage({ wpcallback: wpcallback!, identifier: url.searchParams.get('identifier') ?? undefined, a2apayload }, { value: option?.value });
      return io.send(200, 'text/html;charset=utf-8', page);
    }
    if (req.method !== 'POST') return io.send(405, 'text/plain', 'Use GET or POST');
    const form = await fields(req, io);
    const callback = callbackUrl(text(form?.wpcallback));
    if (!form || !callback) return io.send(400, 'text/plain;charset=utf-8', 'wpcallback must be an http(s) URL');
    const handle = text(form.a2apayload);
    const target = handle ? sandbox.outOfBand.resolveHandle(handle) : undefined;
    let location: string;
    if (!target) location = issuerReturn(callback, 'failure');
    else if (form.decision === 'approve') {
      const code = sandbox.outOfBand.issueCode(target.tokenId, target.optionId);
      sandbox.outOfBand.decide(target.tokenId, 'approved');
      location = issuerReturn(callback, 'approved', code);
    } else {
      sandbox.outOfBand.decide(target.tokenId, 'declined');
      location = issuerReturn(callback, 'declined');
    }
    return io.send(303, 'text/plain', '', { location });
  }

  const action = /^\/__control\/(approve|decline|issuer-code|methods|forget)$/.exec(url.pathname)?.[1];
  if (!action) return undefined;
  if (req.method !== 'POST') return io.send(405, 'text/plain', 'Use POST');
  const isForm = /application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '');
  const body = await fields(req, io);
  const tokenId = body?.tokenId;
  if (!body || typeof tokenId !== 'string' || !tokenId) return json(400, { error: 'tokenId is required' });
  if (action === 'approve' || action === 'decline') {
    sandbox.outOfBand.decide(tokenId, action === 'approve' ? 'approved' : 'declined');
    return isForm ? io.send(303, 'text/plain', '', { location: '/__outbox' }) : json(200, { tokenId, decision: sandbox.outOfBand.decision(tokenId) });
  }
  if (action === 'forget') {
    sandbox.outOfBand.forget(tokenId);
    return isForm ? io.send(303, 'text/plain', '', { location: '/__outbox' }) : json(200, { tokenId, decision: null });
  }
  if (action === 'issuer-code') {
    if (typeof body.optionId !== 'string' || !body.optionId) return json(400, { error: 'optionId is required' });
    return json(200, { issuerAuthCode: sandbox.outOfBand.issueCode(tokenId, body.optionId) });
  }
  const methods: unknown = body.methods;
  if (methods !== null && !(Array.isArray(methods) && methods.length > 0 && methods.every(isSandboxMethod)))
    return json(400, { error: 'methods must be a non-empty list of sandbox methods, or null' });
  sandbox.outOfBand.offer(tokenId, methods ?? undefined);
  return json(200, { tokenId, methods });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The fields of a JSON object or urlencoded body, or `undefined` when it is neither. */
async function fields(req: IncomingMessage, io: ControlIo): Promise<Record<string, unknown> | undefined> {
  const raw = await io.body();
  if (!raw) return undefined;
  const text = raw.toString('utf8');
  if (/application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Lets `ServerResponse` be used as `ControlIo.send`. */
export function sender(res: ServerResponse) {
  return (status: number, type: string, text: string, headers: Record<string, string> = {}): number => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(text);
    return status;
  };
}
