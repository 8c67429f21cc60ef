import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { apiDocument } from '../../scripts/lib/api-document.js';

/**
 * Holds every answer the test clients receive to the OpenAPI document the app serves: the
 * operation's response for that status must exist, name the content type, carry the required
 * headers, and (for JSON) its schema must accept the body, under JSON Schema 2020-12 as OpenAPI
 * 3.1 means it. A mismatch throws, so the test that met it fails.
 */

type Schema = Record<string, unknown>;
interface Header {
  required?: boolean;
  schema?: Schema;
}
interface Response {
  headers?: Record<string, Header>;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, Response | { $ref: string }>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Response> };
};

export interface ReceivedResponse {
  method: string;
  /** The path as requested, query string and all. */
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

const COMPONENTS_ID = 'urn:supplyline:components';

/** Component references, pointed at one schema resource holding every component schema. */
function pointAtComponents<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`),
  ) as T;
}

// Built once per test file, before its first call is checked (the document loads every route group).
const builtDocument = (await apiDocument()) as unknown as Document;

class Contract {
  readonly document = builtDocument;
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  /** Templated paths, with the literal ones first: `/v1/vouchers/verify` before `/v1/vouchers/{id}`. */
  private readonly templates = Object.keys(this.document.paths)
    .map((path) => ({
      path,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (path.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params);

  constructor() {
    addFormats.default(this.ajv);
    // OpenAPI's own annotation, not a JSON Schema keyword.
    this.ajv.addKeyword({ keyword: 'example' });
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: pointAtComponents(this.document.components.schemas) });
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(pointAtComponents(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }

  private errorsOf(validate: ValidateFunction): string {
    return this.ajv.errorsText(validate.errors, { separator: '; ' });
  }

  private operation(method: string, path: string): { path: string; op: Operation } | undefined {
    for (const template of this.templates) {
      const op = this.document.paths[template.path]?.[method];
      if (op !== undefined && template.pattern.test(path)) return { path: template.path, op };
    }
    return undefined;
  }

  private resolve(response: Response | { $ref: string }): Response {
    if (!('$ref' in response)) return response;
    const name = response.$ref.replace('#/components/responses/', '');
    const shared = this.document.components.responses[name];
    if (shared === undefined) throw new Error(`No component response ${response.$ref}`);
    return shared;
  }

  /** What is wrong with a received answer, as the document sees it; empty when it conforms. */
  problems(received: ReceivedResponse): string[] {
    const method = received.method.toLowerCase();
    const path = new URL(received.url, 'http://contract.test').pathname;
    const mediaType = (received.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const found = method === 'head' ? undefined : this.operation(method, path);
    if (found === undefined) {
      // Not an operation (an unknown path, a method the path does not take, the docs page):
      // an error must still be the documented problem.
      if (mediaType !== 'application/problem+json') return [];
      return this.bodyProblems('Problem', { $ref: '#/components/schemas/Problem' }, received.text);
    }
    const name = `${found.op.operationId ?? `${method} ${found.path}`} ${received.status}`;
    const documented = found.op.responses[String(received.status)];
    if (documented === undefined) return [`${name}: status ${received.status} is not documented`];
    const response = this.resolve(documented);
    const problems: string[] = [];
    for (const [header, spec] of Object.entries(response.headers ?? {})) {
      const value = received.headers.get(header);
      if (value === null) {
        if (spec.required === true) problems.push(`${name}: the required ${header} header is missing`);
      } else if (spec.schema !== undefined) {
        problems.push(...this.headerProblems(`${name} ${header}`, spec.schema, value));
      }
    }
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      if (received.text !== '') problems.push(`${name}: a body was sent where none is documented`);
      return problems;
    }
    const media = content[mediaType];
    if (media === undefined) {
      return [
        ...problems,
        `${name}: content type "${mediaType}" is not one of ${Object.keys(content).join(', ')}`,
      ];
    }
    const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
    if (isJson && media.schema !== undefined) {
      problems.push(...this.bodyProblems(`${name} ${mediaType}`, media.schema, received.text));
    }
    return problems;
  }

  /** A header's value against its schema: a number where the schema says integer. */
  private headerProblems(key: string, schema: Schema, value: string): string[] {
    const numeric = schema.type === 'integer' || schema.type === 'number';
    const parsed = numeric && /^-?[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : value;
    const validate = this.validator(key, schema);
    return validate(parsed) ? [] : [`${key}: "${value}" ${this.errorsOf(validate)}`];
  }

  private bodyProblems(key: string, schema: Schema, text: string): string[] {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${key}: the body is not JSON`];
    }
    const validate = this.validator(key, schema);
    return validate(body) ? [] : [`${key}: ${this.errorsOf(validate)}`];
  }
}

let contract: Contract | undefined;

/** The one contract of this test worker, built on first use. */
export function apiContract(): Contract {
  contract ??= new Contract();
  return contract;
}

/** Throws, naming each mismatch, when a received answer is not what the document describes. */
export function expectMatchesContract(received: ReceivedResponse): void {
  const problems = apiContract().problems(received);
  if (problems.length > 0) {
    throw new Error(
      `${received.method} ${received.url} answered ${received.status}, which the OpenAPI document does not describe:\n  ${problems.join('\n  ')}\nBody: ${received.text.slice(0, 500)}`,
    );
  }
}
