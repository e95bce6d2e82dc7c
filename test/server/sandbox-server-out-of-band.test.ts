// @vitest-environment node
/** The sandbox server's out-of-band side over HTTP: the simulated issuer page, the controls, the outbox and the CLI's --methods. */
import { CliUsageError, runSandboxCli, type SandboxServer } from '../../src/sandbox-server';
import { sandboxStepUpOptions } from '../../src/sandbox';
import { AUTH_BODY, signatureClient, startTestSandbox } from './helpers';
import { ALL_METHODS, IDS, control, pressOnIssuerPage } from './out-of-band-suite';

let server: SandboxServer;
beforeEach(async () => {
  server = await startTestSandbox({ stepUpOptions: sandboxStepUpOptions(ALL_METHODS) });
});
afterEach(() => server.close());

async function offered(tokenId: string) {
  const answer = await signatureClient(server).authenticationOptions(tokenId, AUTH_BODY);
  return answer.body;
}

describe('the simulated issuer page', () => {
  it('is offered as the web variant’s source, with an opaque handle as its payload', async () => {
    const body = await offered('tok-page');
    const web = body.stepUpOptions!.find((o) => o.id === IDS.APP_TO_APP_WEB)!;
    expect(web).toMatchObject({ platformType: 'WEB', subMethod: '3DS', source: `${server.url}/__issuer` });
    expect(web.requestPayload).not.toContain('tok-page');
  });

  it('approves: back to wpcallback with stepupresponse=approved and a code that validate accepts once', async () => {
    const web = (await offered('tok-page')).stepUpOptions!.find((o) => o.id === IDS.APP_TO_APP_WEB)!;
    const back = await pressOnIssuerPage(web.source!, web.requestPayload, 'Approve', 'http://localhost:3000/return');
    expect(back.href).toMatch(/^http:\/\/localhost:3000\/return\?stepupresponse=approved&stepupauthcode=/);
    const client = signatureClient(server);
    const issuerAuthCode = back.searchParams.get('stepupauthcode')!;
    const validate = () => client.validateOtp('tok-page', { clientCorrelationId: 'c', stepUpOption: { id: IDS.APP_TO_APP_WEB }, issuerAuthCode });
    await expect(validate()).resolves.toMatchObject({ body: { action: 'AUTHENTICATION_REGISTRATION' } });
    await expect(validate()).rejects.toMatchObject({ status: 400 });
    expect((await offered('tok-page')).action).toBe('AUTHENTICATION_REGISTRATION');
  });

  it('answers failure for a payload it never issued, and 400 for a callback that is not http(s)', async () => {
    const back = await pressOnIssuerPage(`${server.url}/__issuer`, 'never-issued', 'Approve');
    expect(back.searchParams.get('stepupresponse')).toBe('failure');
    expect(back.searchParams.has('stepupauthcode')).toBe(false);
    for (const callback of ['javascript:alert(1)', 'not a url', '']) {
      const page = await fetch(`${server.url}/__issuer?wpcallback=${encodeURIComponent(callback)}`);
      expect(page.status).toBe(400);
    }
  });

  it('escapes what it echoes', async () => {
    const page = await fetch(`${server.url}/__issuer?wpcallback=${encodeURIComponent('https://shop.test/r?a="><script>x</script>')}&a2apayload=%22%3E%3Cb%3E`);
    const html = await page.text();
    expect(html).not.toContain('<script>x');
    expect(html).not.toContain('"><b>');
  });
});

describe('the controls', () => {
  it('approve and decline decide what authentication-options answers the token', async () => {
    await offered('tok-a');
    expect(await (await control(server, 'approve', { tokenId: 'tok-a' })).json()).toEqual({ tokenId: 'tok-a', decision: 'approved' });
    expect((await offered('tok-a')).action).toBe('AUTHENTICATION_REGISTRATION');
    await control(server, 'decline', { tokenId: 'tok-b' });
    await expect(signatureClient(server).authenticationOptions('tok-b', AUTH_BODY)).rejects.toMatchObject({
      status: 403,
      body: { errors: [{ type: 'declined', reason: 'STEP_UP_DECLINED' }] },
    });
  });

  it('choose the methods a token is offered, and refuse unknown ones', async () => {
    await control(server, 'methods', { tokenId: 'tok-m', methods: ['OUTBOUND_CALL', 'OTP_EMAIL'] });
    expect((await offered('tok-m')).stepUpOptions!.map((o) => o.method)).toEqual(['OUTBOUND_CALL', 'OTP_EMAIL']);
    expect((await offered('tok-other')).stepUpOptions).toHaveLength(ALL_METHODS.length);
    expect((await control(server, 'methods', { tokenId: 'tok-m', methods: ['SMOKE_SIGNAL'] })).status).toBe(400);
    await control(server, 'methods', { tokenId: 'tok-m', methods: null });
    expect((await offered('tok-m')).stepUpOptions).toHaveLength(ALL_METHODS.length);
  });

  it('forget a card: its decision and its methods, so it is stepped up afresh', async () => {
    await control(server, 'methods', { tokenId: 'tok-f', methods: ['CUSTOMER_SERVICE'] });
    await control(server, 'decline', { tokenId: 'tok-f' });
    expect(server.sandbox.outOfBand.decision('tok-f')).toBe('declined');
    const forgot = await control(server, 'forget', { tokenId: 'tok-f' });
    expect(forgot.status).toBe(200);
    expect(server.sandbox.outOfBand.decision('tok-f')).toBeUndefined();
    expect((await offered('tok-f')).stepUpOptions).toHaveLength(ALL_METHODS.length);
  });

  it('refuse a request without a token, and anything but POST', async () => {
    expect((await control(server, 'approve', {})).status).toBe(400);
    expect((await control(server, 'issuer-code', { tokenId: 't' })).status).toBe(400);
    expect((await fetch(`${server.url}/__control/approve`)).status).toBe(405);
  });

  it('are on the outbox page: each waiting call or app approval with Approve and Decline forms', async () => {
    await offered('tok-html');
    const page = await (await fetch(`${server.url}/__outbox`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('Waiting for the bank');
    expect(page).toMatch(/<form method="post" action="\/__control\/approve"><input type="hidden" name="tokenId" value="tok-html">/);
    const pressed = await fetch(`${server.url}/__control/approve`, { method: 'POST', body: new URLSearchParams({ tokenId: 'tok-html' }), redirect: 'manual' });
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get('location')).toBe('/__outbox');
    expect(server.sandbox.outOfBand.decision('tok-html')).toBe('approved');
    const json = (await (await fetch(`${server.url}/__outbox?format=json`)).json()) as { outOfBand: unknown[] };
    expect(json.outOfBand.some((p) => (p as { tokenId: string }).tokenId === 'tok-html')).toBe(false);
  });
});

describe('stepup-sandbox --methods', () => {
  it('offers the listed methods in order', async () => {
    const cli = (await runSandboxCli(['--port', '0', '--quiet', '--methods', 'APP_TO_APP_WEB,CUSTOMER_SERVICE'], () => {}))!;
    try {
      expect(cli.sandbox.authenticationOptions().stepUpOptions.map((o) => o.id)).toEqual([IDS.APP_TO_APP_WEB, IDS.CUSTOMER_SERVICE]);
    } finally {
      await cli.close();
    }
  });

  it('refuses an unknown method', async () => {
    await expect(runSandboxCli(['--methods', 'OTP_SMS,SMOKE'], () => {})).rejects.toBeInstanceOf(CliUsageError);
  });
});
