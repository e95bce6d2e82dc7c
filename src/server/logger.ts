import { scrubText } from './redaction.js';

/** Extra structured data of a log line. */
export type LogFields = Record<string, unknown>;

/**
 * Where the routes report what happened. `console` fits; so does a thin wrapper around pino or winston.
 * The routes never pass a one-time password, a request body, a full token id or a raw session id to it.
 */
export interface StepUpLogger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** The default: the routes say nothing unless given a logger. */
export const silentLogger: StepUpLogger = { info() {}, warn() {}, error() {} };

/**
 * Fields whose values never reach a log, at any depth: the code, an issuer's code, a device-session token, an
 * issuer app's identity and payload, and a request body that may hold any of them.
 */
const SECRET_FIELD = /^(?:otp|body|issuerAuthCode|secureToken|requestPayload|source)$/i;

/**
 * Wraps a logger so that nothing secret reaches it through text the routes do not control: a field named
 * `otp` or `body` is replaced whole, and in messages and string fields the value of an `otp` field is
 * replaced and token ids are masked (`…1234`). Nothing else is touched, so a code that happens to be a
 * word of the log line ("validate") changes nothing.
 */
export function redactingLogger(logger: StepUpLogger): StepUpLogger {
  const scrubValue = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrubText(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 4) return '[nested]';
    if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : scrubValue(v, depth + 1)]));
  };
  const wrap =
    (level: keyof StepUpLogger) =>
    (message: string, fields?: LogFields): void =>
      logger[level](scrubText(message), fields === undefined ? undefined : (scrubValue(fields, 0) as LogFields));
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
