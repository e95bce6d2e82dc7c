import { normalizeMethod } from '../core/normalize.js';
import { readOptionId, type HandledRoute, type RouteContext } from './route-context.js';
import { routeError } from './route-outcome.js';
import { verify } from './validate-otp-route.js';

/**
 * `POST …/issuer-code`: validates the code an issuer's app or page returned for an `APP_TO_APP` option
 * (`issuerAuthCode`, 1 to 4 096 characters, passed to Visa unchanged, never logged or stored). The rules of a
 * validate hold: Visa's refusals count against `maxValidationsPerCode` per option (each code is new, so the
 * count is what stops a script trying codes), and a refusal after a lost verdict is `code-unconfirmed`.
 */
export async function issuerCodeRoute(ctx: RouteContext, key: string, body: Record<string, unknown>): Promise<HandledRoute> {
  const optionId = readOptionId(body);
  const code = body.issuerAuthCode;
  if (!optionId || typeof code !== 'string' || code.length < 1 || code.length > 4096) return { outcome: routeError(400, 'bad-request'), log: {} };
  return verify(ctx, key, optionId, code, {
    field: 'issuerAuthCode',
    record: (session, id) => {
      const option = session.options.find((o) => o.id === id);
      // only the issuer's app or page returns such a code
      if (!option || normalizeMethod(option.method) !== 'APP_TO_APP') return 'code-not-sent';
      const records = (session.issuerCodes ??= {});
      return (records[id] ??= { optionId: id, failedValidations: 0 });
    },
    limit: () => ctx.maxValidationsPerCode,
    retireUnconfirmed: false,
    operation: 'issuer-code',
  });
}
