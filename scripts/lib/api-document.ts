import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../../shared/http/openapi-document.js';

/** The OpenAPI document exactly as the app serves it at /openapi.json, built without a database. */
export function apiDocument() {
  return openApiDocument();
}

/** Where the committed contract and the TypeScript client's types live, from the repository root. */
export const CONTRACT_FILES = {
  document: 'clients/openapi.json',
  types: 'clients/typescript/supplyline.d.ts',
} as const;

/** The committed files' contents, generated from the document: `npm run generate:client` writes them. */
export async function contractFiles(): Promise<Record<keyof typeof CONTRACT_FILES, string>> {
  const document = await apiDocument();
  const types = astToString(await openapiTS(document as OpenAPI3, { silent: true }));
  const banner = '// Generated from clients/openapi.json by `npm run generate:client`. Do not edit.\n\n';
  return { document: `${JSON.stringify(document, null, 2)}\n`, types: banner + types };
}
