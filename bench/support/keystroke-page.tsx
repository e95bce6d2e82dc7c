import { renderLog as renders } from './keystroke-page-log';
import { Profiler, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StepUpOtp, type StepUpBackend } from '../../src';

/**
 * The page the keystroke benchmark drives in Chromium: the real `<StepUpOtp>` in a production
 * (profiling) React build, with every commit, every keydown and every timer callback logged on
 * `window.__bench` for the benchmark to read. No countdown (the backend gives no `codeExpiration`),
 * so a countdown tick never lands in a keystroke's window; ticks are measured by renders.bench.tsx.
 */
interface BenchLog {
  /** when each `<Profiler>` commit happened (performance.now) */
  commits: number[];
  /** the components that ran in each React commit, from the commit hook */
  rendered: string[][];
  keys: Array<{ at: number; commits: number; timers: number }>;
  /** timer, interval, animation-frame and idle callbacks run so far */
  timers: number;
  validate?: { at: number; commits: number; timers: number };
}
const log: BenchLog = { commits: [], rendered: [], keys: [], timers: 0 };
const hook = (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: { onCommitFiberRoot: (...a: unknown[]) => void } })
  .__REACT_DEVTOOLS_GLOBAL_HOOK__;
const onCommit = hook.onCommitFiberRoot;
hook.onCommitFiberRoot = (...args) => {
  onCommit(...args);
  log.rendered.push([...renders.renders].map(([name, n]) => (n > 1 ? `${name}×${n}` : name)));
  renders.reset();
};
(window as unknown as { __bench: BenchLog }).__bench = log;

// count timer, interval, frame and idle callbacks as they run, so "nothing waited for between the last
// digit and validateOtp" is observed rather than assumed
const counted = <F extends (...a: never[]) => unknown>(fn: F): F =>
  ((...args: Parameters<F>) => {
    log.timers += 1;
    return fn(...args);
  }) as F;
for (const name of ['setTimeout', 'setInterval'] as const) {
  const real = window[name].bind(window);
  (window as unknown as Record<string, unknown>)[name] = (fn: TimerHandler, ms?: number, ...args: unknown[]) =>
    real(typeof fn === 'function' ? counted(fn as (...a: never[]) => unknown) : fn, ms, ...args);
}
const realFrame = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (fn) => realFrame(counted(fn));
if (window.requestIdleCallback) {
  const realIdle = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (fn, options) => realIdle(counted(fn), options);
}

document.addEventListener(
  'keydown',
  () => log.keys.push({ at: performance.now(), commits: log.commits.length, timers: log.timers }),
  true,
);

const backend: StepUpBackend = {
  createOtp: async () => ({ maxRequestsAllowed: 3, maxVerificationAllowed: 3 }),
  validateOtp: () => {
    log.validate = { at: performance.now(), commits: log.commits.length, timers: log.timers };
    return new Promise(() => {}); // the benchmark stops at the call
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Profiler id="step-up" onRender={() => void log.commits.push(performance.now())}>
      <StepUpOtp stepUpOptions={[{ id: 'sms', method: 'OTP_SMS', value: '***-***-1234' }]} backend={backend} />
    </Profiler>
  </StrictMode>,
);
