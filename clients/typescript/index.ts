import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './supplyline.js';

export type { components, operations, paths };

/**
 * A client of the Supplyline API typed from its OpenAPI document: paths, parameters, bodies and
 * answers are checked at compile time. Every call of a key's client sends `Authorization: Bearer
 * <apiKey>`; writes name their Idempotency-Key in `params.header`, as the document requires.
 */
export function createSupplylineClient(
  options: Omit<ClientOptions, 'headers'> & {
    baseUrl: string;
    apiKey?: string;
    headers?: Record<string, string>;
  },
) {
  const { apiKey, headers = {}, ...rest } = options;
  const auth = apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
  return createClient<paths>({ ...rest, headers: { ...auth, ...headers } });
}

export type SupplylineClient = ReturnType<typeof createSupplylineClient>;
