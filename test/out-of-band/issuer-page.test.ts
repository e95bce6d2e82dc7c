// @vitest-environment jsdom
/**
 * The issuer web page variant of APP_TO_APP: the bank's page URL, the return state, reading and handing
 * back the result on the return page, and the window opened on the click.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import type { StepUpOption } from '../../src/core';
import {
  DEFAULT_ISSUER_PAGE_PARAMS,
  completeIssuerReturn,
  isIssuerPageOption,
  issuerPageUrl,
  newReturnState,
  openIssuerPage,
  readIssuerReturn,
  withReturnState,
  type IssuerResult,
} from '../../src/out-of-band/issuer-page';

const ORIGIN = 'http://localhost:3000';

function webOption(overrides: Partial<StepUpOption> = {}): StepUpOption {
  const base: StepUpOption = {
    id: 'opt-SECRET-1',
    method: 'APP_TO_APP',
    isOtp: false,
    value: 'Example Bank',
    platformType: 'WEB',
    subMethod: '3DS',
    source: 'https://bank.example/a2a',
    raw: {},
  };
  return { ...base, ...overrides };
}

const RETURN = 'https://shop.example/return?stepupstate=s1';

describe('isIssuerPageOption', () => {
  it('accepts APP_TO_APP with WEB (any case) or 3DS and an https source', () => {
    expect(isIssuerPageOption(webOption())).toBe(true);
    expect(isIssuerPageOption(webOption({ platformType: 'web', subMethod: undefined }))).toBe(true);
    expect(isIssuerPageOption(webOption({ platformType: undefined, subMethod: '3DS' }))).toBe(true);
    expect(isIssuerPageOption(webOption({ platformType: 'IOS', subMethod: '3DS' }))).toBe(true);
  });

  it('refuses native variants, other methods and sources that are not https pages', () => {
    expect(isIssuerPageOption(webOption({ platformType: 'ANDROID', subMethod: undefined }))).toBe(false);
    expect(isIssuerPageOption(webOption({ method: 'CUSTOMER_SERVICE' }))).toBe(false);
    expect(isIssuerPageOption(webOption({ source: 'com.example.bank' }))).toBe(false);
    expect(isIssuerPageOption(webOption({ source: undefined }))).toBe(false);
    expect(isIssuerPageOption(webOption({ source: 'http://bank.example/a2a' }))).toBe(false);
    expect(isIssuerPageOption(webOption({ source: 'javascript:alert(1)' }))).toBe(false);
  });

  it('allows http only on localhost and 127.0.0.1 (the sandbox)', () => {
    expect(isIssuerPageOption(webOption({ source: 'http://localhost:4010/issuer' }))).toBe(true);
    expect(isIssuerPageOption(webOption({ source: 'http://127.0.0.1:4010/issuer' }))).toBe(true);
    expect(isIssuerPageOption(webOption({ source: 'http://localhost.evil.example/issuer' }))).toBe(false);
  });
});

describe('issuerPageUrl', () => {
  it('adds the return URL under wpcallback, encoded, and keeps the source’s own query and fragment', () => {
    const url = issuerPageUrl(webOption({ source: 'https://bank.example/a2a?lang=en&x=a%20b#top' }), RETURN, {});
    expect(url).toBe(`https://bank.example/a2a?lang=en&x=a%20b&wpcallback=${encodeURIComponent(RETURN)}#top`);
    const query = new URL(url!).searchParams;
    expect(query.get('wpcallback')).toBe(RETURN);
    expect(query.get('x')).toBe('a b');
  });

  it('passes requestPayload unchanged under a2apayload only when present', () => {
    const payload = 'eyJhIjoiYisvPSJ9+/=&?#';
    const withPayload = new URL(issuerPageUrl(webOption({ requestPayload: payload }), RETURN, {})!);
    expect(withPayload.searchParams.get('a2apayload')).toBe(payload);
    const without = new URL(issuerPageUrl(webOption(), RETURN, {})!);
    expect(without.searchParams.has('a2apayload')).toBe(false);
  });

  it('leaves the option id out unless a parameter is named for it', () => {
    const plain = issuerPageUrl(webOption(), RETURN, {})!;
    expect(plain).not.toContain('SECRET');
    expect(plain).not.toContain('identifier');
    const named = new URL(issuerPageUrl(webOption(), RETURN, { identifier: 'identifier' })!);
    expect(named.searchParams.get('identifier')).toBe('opt-SECRET-1');
  });

  it('leaves the callback out when there is no return URL, and uses the names given', () => {
    const noReturn = new URL(issuerPageUrl(webOption({ requestPayload: 'p' }), undefined, {})!);
    expect([...noReturn.searchParams.keys()]).toEqual(['a2apayload']);
    const renamed = new URL(issuerPageUrl(webOption({ requestPayload: 'p' }), RETURN, { callback: 'cb', payload: 'pl' })!);
    expect(renamed.searchParams.get('cb')).toBe(RETURN);
    expect(renamed.searchParams.get('pl')).toBe('p');
    expect(renamed.searchParams.has('wpcallback')).toBe(false);
  });

  it('replaces a same-named parameter already in the source instead of adding a second one', () => {
    const url = new URL(issuerPageUrl(webOption({ source: 'https://bank.example/?wp%63allback=https://evil.example/&k=1' }), RETURN, {})!);
    expect(url.searchParams.getAll('wpcallback')).toEqual([RETURN]);
    expect(url.searchParams.get('k')).toBe('1');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/relative/page',
    'bank.example/a2a',
    'not a url',
    '',
    'ftp://bank.example/a2a',
    'http://bank.example/a2a',
    'https://user:pass@bank.example/a2a',
  ])('refuses the source %j', (source) => {
    expect(issuerPageUrl(webOption({ source }), RETURN, {})).toBeUndefined();
  });

  it('refuses a value that cannot be put in a URL rather than altering it', () => {
    expect(issuerPageUrl(webOption({ requestPayload: 'a\uD800b' }), RETURN, {})).toBeUndefined();
    expect(issuerPageUrl(webOption(), 'https://shop.example/\uDC00', {})).toBeUndefined();
  });
});

describe('return state', () => {
  it('is 128 random bits in base64url, different every time', () => {
    const states = Array.from({ length: 200 }, () => newReturnState());
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(states).size).toBe(states.length);
  });

  it('takes its bits from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0xff);
      return array;
    });
    try {
      expect(newReturnState()).toBe('_____________________w');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('is added to the return URL, replacing a stale one, with nothing else added', () => {
    expect(withReturnState('https://shop.example/return?order=7#f', 'abc')).toBe('https://shop.example/return?order=7&stepupstate=abc#f');
    expect(withReturnState('https://shop.example/r?stepupstate=old&a=1', 'new')).toBe('https://shop.example/r?a=1&stepupstate=new');
    expect(withReturnState('https://shop.example/r', 'x', { state: 'st' })).toBe('https://shop.example/r?st=x');
  });

  it('resolves a relative return URL against the page, and refuses what is not http(s)', () => {
    expect(withReturnState('/return', 'abc')).toBe(`${ORIGIN}/return?stepupstate=abc`);
    expect(() => withReturnState('javascript:alert(1)', 'abc')).toThrow(TypeError);
    expect(() => withReturnState('data:text/html,x', 'abc')).toThrow(TypeError);
    expect(() => withReturnState('https://shop.example/r', '')).toThrow(TypeError);
  });
});

describe('readIssuerReturn', () => {
  it('reads the three words in any case, the code and the state', () => {
    expect(readIssuerReturn('?stepupresponse=APPROVED&stepupauthcode=HTZl%2BY2Y%3D&stepupstate=s1')).toEqual({
      response: 'approved',
      authCode: 'HTZl+Y2Y=',
      state: 's1',
    });
    expect(readIssuerReturn(new URLSearchParams('stepupresponse=Declined'))).toEqual({ response: 'declined' });
    expect(readIssuerReturn('stepupresponse=failure')).toEqual({ response: 'failure' });
  });

  it('drops an unknown word, a missing or empty code and a code over 4096 characters', () => {
    expect(readIssuerReturn('?stepupresponse=ok&stepupauthcode=')).toEqual({});
    expect(readIssuerReturn('?stepupresponse=approved%20')).toEqual({});
    expect(readIssuerReturn('')).toEqual({});
    expect(readIssuerReturn(`?stepupauthcode=${'a'.repeat(4096)}`)).toEqual({ authCode: 'a'.repeat(4096) });
    expect(readIssuerReturn(`?stepupauthcode=${'a'.repeat(4097)}`)).toEqual({});
  });

  it('drops a parameter given twice, and reads the names given', () => {
    expect(readIssuerReturn('?stepupresponse=approved&stepupresponse=declined&stepupstate=s')).toEqual({ state: 's' });
    expect(readIssuerReturn('?r=approved&c=code&s=st', { response: 'r', code: 'c', state: 's' })).toEqual({
      response: 'approved',
      authCode: 'code',
      state: 'st',
    });
  });

  it('has the documented default names', () => {
    expect(DEFAULT_ISSUER_PAGE_PARAMS).toEqual({
      callback: 'wpcallback',
      payload: 'a2apayload',
      response: 'stepupresponse',
      code: 'stepupauthcode',
      state: 'stepupstate',
    });
  });
});

/** A BroadcastChannel that delivers at once to every other open channel of the same name. */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    for (const other of FakeChannel.open)
      if (other !== this && other.name === this.name) other.onmessage?.(new MessageEvent('message', { data }));
  }
  close() {
    this.closed = true;
    FakeChannel.open = FakeChannel.open.filter((c) => c !== this);
  }
}

function listen(name = 'stepup-kit-issuer-return') {
  const received: unknown[] = [];
  const channel = new FakeChannel(name);
  channel.onmessage = (event) => received.push(event.data);
  return { received, channel };
}

/** jsdom has no `window.opener`; the return page reads it when there is one. */
const setOpener = (value: unknown) => Object.defineProperty(window, 'opener', { value, configurable: true });

describe('completeIssuerReturn', () => {
  let close: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    FakeChannel.open = [];
    vi.stubGlobal('BroadcastChannel', FakeChannel);
    close = vi.spyOn(window, 'close').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    Reflect.deleteProperty(window, 'opener');
    history.replaceState(null, '', '/');
  });

  it('posts the result on the channel and to the opener, strips the query and closes the window', () => {
    history.replaceState(null, '', '/return?stepupstate=s1&stepupresponse=Approved&stepupauthcode=c%2Bd#h');
    const opener = { postMessage: vi.fn() };
    setOpener(opener);
    const replace = vi.spyOn(history, 'replaceState');
    const { received, channel } = listen();

    expect(completeIssuerReturn()).toBe(true);

    const message = { type: 'stepup-kit:issuer-return', state: 's1', response: 'approved', authCode: 'c+d' };
    expect(received).toEqual([message]);
    expect(opener.postMessage).toHaveBeenCalledWith(message, ORIGIN);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(location.search).toBe('');
    expect(location.pathname + location.hash).toBe('/return#h');
    expect(close).toHaveBeenCalledTimes(1);
    expect(FakeChannel.open).toEqual([channel]);
  });

  it('uses the channel and names given, leaves out what was not valid, and stays open with close: false', () => {
    history.replaceState(null, '', '/return?st=s2&stepupresponse=maybe');
    const { received } = listen('mine');
    const other = listen();
    expect(completeIssuerReturn({ channel: 'mine', params: { state: 'st' }, close: false })).toBe(true);
    expect(received).toEqual([{ type: 'stepup-kit:issuer-return', state: 's2' }]);
    expect(other.received).toEqual([]);
    expect(close).not.toHaveBeenCalled();
    expect(location.search).toBe('');
  });

  it('survives an opener that throws', () => {
    history.replaceState(null, '', '/return?stepupstate=s3');
    setOpener({ postMessage: () => { throw new Error('cross-origin'); } });
    const { received } = listen();
    expect(completeIssuerReturn()).toBe(true);
    expect(received).toHaveLength(1);
    expect(close).toHaveBeenCalled();
  });

  it('returns false with no state: nothing posted, nothing closed, but a code is not left in the address bar', () => {
    const { received } = listen();
    history.replaceState(null, '', '/return?other=1');
    expect(completeIssuerReturn()).toBe(false);
    expect(location.search).toBe('?other=1');
    history.replaceState(null, '', '/return?stepupresponse=approved&stepupauthcode=secret');
    expect(completeIssuerReturn()).toBe(false);
    expect(location.search).toBe('');
    history.replaceState(null, '', '/return?stepupstate=');
    expect(completeIssuerReturn()).toBe(false);
    expect(received).toEqual([]);
    expect(close).not.toHaveBeenCalled();
  });
});

interface FakePopup {
  opener: unknown;
  closed: boolean;
  location: { replace: ReturnType<typeof vi.fn> };
  close: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
}

function fakePopup(): FakePopup {
  const popup: FakePopup = {
    opener: window,
    closed: false,
    location: { replace: vi.fn() },
    close: vi.fn(() => {
      popup.closed = true;
    }),
    focus: vi.fn(),
  };
  return popup;
}

const BANK = 'https://bank.example/a2a?wpcallback=x';
const post = (data: unknown, origin = ORIGIN) => window.dispatchEvent(new MessageEvent('message', { data, origin }));
const returned = (state: string, extra: Record<string, unknown> = {}) => ({ type: 'stepup-kit:issuer-return', state, ...extra });

describe('openIssuerPage', () => {
  let popup: FakePopup;
  let open: ReturnType<typeof vi.spyOn>;
  let onResult: ReturnType<typeof vi.fn<(result: IssuerResult) => void>>;
  let onClosed: ReturnType<typeof vi.fn<() => void>>;
  beforeEach(() => {
    vi.useFakeTimers();
    FakeChannel.open = [];
    vi.stubGlobal('BroadcastChannel', FakeChannel);
    popup = fakePopup();
    open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    onResult = vi.fn<(result: IssuerResult) => void>();
    onClosed = vi.fn<() => void>();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const start = (extra: { channel?: string; pollMs?: number } = {}) => openIssuerPage(BANK, { state: 'S', onResult, onClosed, ...extra });

  it('is blocked when window.open returns null or throws', () => {
    open.mockImplementation(() => null);
    expect(start()).toEqual({ blocked: true });
    open.mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(start()).toEqual({ blocked: true });
    expect(FakeChannel.open).toEqual([]);
  });

  it('opens a blank window, cuts its opener, then sends it to the bank’s page', () => {
    const handle = start();
    expect(handle.blocked).toBe(false);
    expect(open).toHaveBeenCalledWith('about:blank', '_blank');
    expect(popup.opener).toBeNull();
    expect(popup.location.replace).toHaveBeenCalledWith(BANK);
  });

  it('refuses a URL a blank window would run, before opening anything', () => {
    expect(() => openIssuerPage('javascript:alert(1)', { state: 'S', onResult, onClosed })).toThrow(TypeError);
    expect(() => openIssuerPage(BANK, { state: '', onResult, onClosed })).toThrow(TypeError);
    expect(open).not.toHaveBeenCalled();
  });

  it('delivers the result from the channel once, for its own state only, then stops and closes the window', () => {
    start();
    const { channel } = listen();
    channel.postMessage(returned('other', { response: 'approved' }));
    channel.postMessage({ type: 'something-else', state: 'S' });
    expect(onResult).not.toHaveBeenCalled();
    channel.postMessage(returned('S', { response: 'approved', authCode: 'code-1' }));
    channel.postMessage(returned('S', { response: 'declined' }));
    post(returned('S', { response: 'failure' }));
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult).toHaveBeenCalledWith({ response: 'approved', authCode: 'code-1' });
    expect(popup.close).toHaveBeenCalled();
    expect(FakeChannel.open).toEqual([channel]);
    vi.advanceTimersByTime(5_000);
    expect(onClosed).not.toHaveBeenCalled();
  });

  it('accepts a window message from this origin only, and re-checks what it carries', () => {
    start();
    post(returned('S', { response: 'approved' }), 'https://evil.example');
    post(returned('S', { response: 'approved' }), 'null');
    expect(onResult).not.toHaveBeenCalled();
    post(returned('S', { response: 'MAYBE', authCode: 'x'.repeat(4097) }));
    expect(onResult).toHaveBeenCalledWith({});
  });

  it('listens on the channel given', () => {
    start({ channel: 'mine' });
    listen().channel.postMessage(returned('S', { response: 'approved' }));
    expect(onResult).not.toHaveBeenCalled();
    listen('mine').channel.postMessage(returned('S', { response: 'approved' }));
    expect(onResult).toHaveBeenCalledTimes(1);
  });

  it('calls onClosed once, after the grace, when the window closes without a result', () => {
    start();
    vi.advanceTimersByTime(2_000);
    popup.closed = true;
    vi.advanceTimersByTime(500);
    expect(onClosed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(299);
    expect(onClosed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onClosed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('still takes the result after reporting the window closed: a page with Cross-Origin-Opener-Policy looks closed while open', () => {
    const handle = start();
    popup.closed = true;
    vi.advanceTimersByTime(1_000);
    expect(onClosed).toHaveBeenCalledTimes(1);
    const sender = listen().channel;
    sender.postMessage(returned('S', { response: 'approved', authCode: 'late-code' }));
    expect(onResult).toHaveBeenCalledWith({ response: 'approved', authCode: 'late-code' });
    // the kit's own channel is closed once the result came
    expect(FakeChannel.open).toEqual([sender]);
    if (!handle.blocked) handle.stop();
  });

  it('still takes a result that arrives during the grace, and then never calls onClosed', () => {
    start({ pollMs: 100 });
    popup.closed = true;
    vi.advanceTimersByTime(100);
    listen().channel.postMessage(returned('S', { response: 'declined' }));
    vi.advanceTimersByTime(1_000);
    expect(onResult).toHaveBeenCalledWith({ response: 'declined' });
    expect(onClosed).not.toHaveBeenCalled();
  });

  it('calls nothing after stop(), and leaves no listener or timer behind', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const handle = start();
    if (handle.blocked) throw new Error('unexpected');
    handle.stop();
    const added = add.mock.calls.filter(([type]) => type === 'message');
    expect(added).toHaveLength(1);
    expect(remove).toHaveBeenCalledWith('message', added[0]![1]);
    expect(FakeChannel.open).toEqual([]);
    post(returned('S', { response: 'approved' }));
    popup.closed = true;
    vi.advanceTimersByTime(10_000);
    expect(onResult).not.toHaveBeenCalled();
    expect(onClosed).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('focus() brings the window back', () => {
    const handle = start();
    if (handle.blocked) throw new Error('unexpected');
    handle.focus();
    expect(popup.focus).toHaveBeenCalledTimes(1);
  });
});

describe('the return page and the opener over the platform’s BroadcastChannel', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    history.replaceState(null, '', '/');
  });

  it('hands the result over', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    vi.spyOn(window, 'close').mockImplementation(() => {});
    const result = new Promise<IssuerResult>((resolve) => {
      const handle = openIssuerPage(BANK, { state: 'real', onResult: resolve, onClosed: () => resolve({}) });
      history.replaceState(null, '', '/return?stepupstate=real&stepupresponse=approved&stepupauthcode=abc');
      expect(completeIssuerReturn()).toBe(true);
      setTimeout(() => {
        if (!handle.blocked) handle.stop();
        resolve({});
      }, 2_000);
    });
    await expect(result).resolves.toEqual({ response: 'approved', authCode: 'abc' });
  });
});

describe('issuerPageUrl, for any source, return URL and payload', () => {
  const source = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webUrl().map((u) => `${u}?wpcallback=old&identifier=x`),
    fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '/relative', 'http://localhost:8080/p?q', 'https://bank.example/?a'),
  );
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl({ withQueryParameters: true, withFragments: true }));
  const id = fc.uuid().map((u) => `optid${u.replace(/-/g, '')}`);

  propTest.prop([source, fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), id, fc.boolean()], { numRuns: 2_000 })(
    'is undefined or an http(s) URL whose callback round-trips, with the id only when asked for',
    (src, returnUrl, payload, optionId, named) => {
      fc.pre(![src, returnUrl ?? '', payload ?? ''].some((s) => s.includes(optionId)));
      const option = webOption({ id: optionId, source: src, requestPayload: payload });
      const url = issuerPageUrl(option, returnUrl, named ? { identifier: 'identifier' } : {});
      if (url === undefined) return;
      const parsed = new URL(url);
      expect(['https:', 'http:']).toContain(parsed.protocol);
      if (returnUrl !== undefined) expect(parsed.searchParams.getAll('wpcallback')).toEqual([returnUrl]);
      if (payload !== undefined) expect(parsed.searchParams.getAll('a2apayload')).toEqual([payload]);
      if (named) expect(parsed.searchParams.getAll('identifier')).toEqual([optionId]);
      else expect(url).not.toContain(optionId);
    },
  );
});
