/** Where the client sends its requests: Visa Acceptance's test or production host, or any base URL (the sandbox server). */
export type VisaEnvironment = 'test' | 'production' | { baseUrl: string };

/** The Visa Acceptance REST hosts (visa-step-up-api.md §1). */
export const VISA_ACCEPTANCE_HOSTS = {
  test: 'https://apitest.visaacceptance.com',
  production: 'https://api.visaacceptance.com',
} as const;

/**
 * Resolves an environment to an absolute http(s) URL without query or fragment. A `{ baseUrl }` may carry a
 * path prefix (a proxy mounted under `/visa`, say); the client appends the TMS paths to it.
 *
 * @throws TypeError when the environment is neither a known name nor an absolute http(s) URL
 */
export function resolveBaseUrl(environment: VisaEnvironment): URL {
  const raw =
    environment === 'test' || environment === 'production'
      ? VISA_ACCEPTANCE_HOSTS[environment]
      : typeof environment === 'object' && environment !== null
        ? environment.baseUrl
        : undefined;
  if (typeof raw !== 'string') throw new TypeError(`stepup-kit/server: unknown environment ${String(environment)}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`stepup-kit/server: environment.baseUrl is not an absolute URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`stepup-kit/server: environment.baseUrl must be http(s), got ${url.protocol}`);
  url.search = '';
  url.hash = '';
  return url;
}
