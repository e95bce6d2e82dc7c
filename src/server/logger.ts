/** Extra structured data of a log line. */
export type LogFields = Record<string, unknown>;

/**
 * Where the routes report what happened. `console` fits; so does a thin wrapper around pino or winston.
 * The routes never pass a one-time password, a request body or a raw session id to it.
 */
export interface StepUpLogger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** The default: the routes say nothing unless given a logger. */
export const silentLogger: StepUpLogger = { info() {}, warn() {}, error() {} };

/**
 * Wraps a logger so that any occurrence of `secret` in a message or a (nested) string field is replaced.
 * The routes never log the code on purpose; this catches it reaching a log through text they do not control,
 * such as an error message from a library.
 */
export function redactingLogger(logger: StepUpLogger, secret: string | undefined): StepUpLogger {
  // codes have 4 to 8 characters; scrubbing a shorter string would only mangle unrelated numbers such as statuses
  if (!secret || secret.length < 4) return logger;
  const scrub = (text: string) => text.split(secret).join('[redacted]');
  const scrubValue = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, depth + 1)]));
  };
  const wrap =
    (level: keyof StepUpLogger) =>
    (message: string, fields?: LogFields): void =>
      logger[level](scrub(message), fields === undefined ? undefined : (scrubValue(fields, 0) as LogFields));
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
