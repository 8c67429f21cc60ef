import {
  entryHtml,
  escapeHtml,
  prose,
  refName,
  type Schema,
  schemaAnchor,
  schemaHtml,
  typeHtml,
} from './schema-html.js';

/**
 * /docs: the OpenAPI document written out as one HTML page, on the server, with no script: every
 * operation by tag (method, path, what it does, who may call it, its parameters, body and
 * answers), the shared error answers and every named schema, linked to each other. It replaced
 * Swagger UI (issue 22): 488 KB gzipped and a dozen kinds of serious accessibility faults, for
 * a reference that needs no more than HTML's own `<details>`.
 */

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface Content {
  [mediaType: string]: { schema?: Schema };
}

interface Response {
  $ref?: string;
  description?: string;
  content?: Content;
}

interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Content };
  responses?: Record<string, Response>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, Response>;
    securitySchemes?: Record<string, { description?: string }>;
  };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function bodyHtml(content: Content | undefined): string {
  const media = Object.entries(content ?? {});
  if (media.length === 0) return '<p>No body.</p>';
  return media
    .map(([type, { schema }]) =>
      schema === undefined || schema.$ref !== undefined
        ? `<p><code>${escapeHtml(type)}</code>: ${typeHtml(schema)}</p>`
        : `<p><code>${escapeHtml(type)}</code>:</p>${schemaHtml(schema)}`,
    )
    .join('');
}

function parametersHtml(parameters: Parameter[]): string {
  if (parameters.length === 0) return '';
  const entries = parameters.map((parameter) =>
    entryHtml(`${parameter.name} (${parameter.in})`, parameter.schema, {
      required: parameter.required === true,
      ...(parameter.description === undefined ? {} : { description: parameter.description }),
    }),
  );
  return `<h3>Parameters</h3><dl class="properties">${entries.join('')}</dl>`;
}

function responsesHtml(responses: Record<string, Response>): string {
  const entries = Object.entries(responses).map(([status, response]) => {
    if (response.$ref !== undefined) {
      const name = refName(response.$ref);
      return `<dt>${escapeHtml(status)}</dt><dd><a href="#response-${escapeHtml(name)}">${escapeHtml(name)}</a></dd>`;
    }
    const media = Object.keys(response.content ?? {});
    return `<dt>${escapeHtml(status)}</dt><dd>${prose(response.description)}${media.length > 0 ? bodyHtml(response.content) : ''}</dd>`;
  });
  return `<h3>Answers</h3><dl class="responses">${entries.join('')}</dl>`;
}

function operationHtml(method: string, path: string, operation: Operation): string {
  const secured = (operation.security ?? [{}]).some((requirement) => Object.keys(requirement).length > 0);
  return [
    `<details class="operation" id="${escapeHtml(operation.operationId)}">`,
    `<summary><span class="method method-${method}">${method.toUpperCase()}</span> <code class="path">${escapeHtml(path)}</code> <span class="summary">${escapeHtml(operation.summary ?? '')}</span></summary>`,
    prose(operation.description),
    `<p class="auth">${secured ? 'Needs an API key: <code>Authorization: Bearer &lt;key&gt;</code>.' : 'Public: no key.'}</p>`,
    parametersHtml(operation.parameters ?? []),
    operation.requestBody === undefined
      ? ''
      : `<h3>Body${operation.requestBody.required ? '' : ' (optional)'}</h3>${bodyHtml(operation.requestBody.content)}`,
    responsesHtml(operation.responses ?? {}),
    '</details>',
  ].join('');
}

/** Operations grouped by their first tag, in the order the document first names each tag. */
function byTag(document: OpenApiDocument): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      groups.set(tag, [...(groups.get(tag) ?? []), operationHtml(method, path, operation)]);
    }
  }
  return groups;
}

/** The page's parts: its table of contents and the reference itself. */
export function renderApiReference(document: OpenApiDocument): { contents: string; reference: string } {
  const groups = byTag(document);
  const responses = Object.entries(document.components?.responses ?? {});
  const schemas = Object.entries(document.components?.schemas ?? {});
  const auth = Object.values(document.components?.securitySchemes ?? {})[0]?.description;
  const contents = [
    '<ol>',
    ...[...groups.keys()].map((tag) => `<li><a href="#tag-${slug(tag)}">${escapeHtml(tag)}</a></li>`),
    '<li><a href="#errors">Error answers</a></li>',
    '<li><a href="#schemas">Schemas</a></li>',
    '</ol>',
  ].join('');
  const reference = [
    `<section aria-labelledby="about"><h2 id="about">About</h2>${prose(document.info.description)}${prose(auth)}`,
    `<p>Version ${escapeHtml(document.info.version)}. The document itself: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></section>`,
    ...[...groups].map(
      ([tag, operations]) =>
        `<section aria-labelledby="tag-${slug(tag)}"><h2 id="tag-${slug(tag)}">${escapeHtml(tag)}</h2>${operations.join('')}</section>`,
    ),
    '<section aria-labelledby="errors"><h2 id="errors">Error answers</h2>',
    ...responses.map(
      ([name, response]) =>
        `<section class="component" id="response-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${prose(response.description)}${bodyHtml(response.content)}</section>`,
    ),
    '</section>',
    '<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>',
    ...schemas.map(
      ([name, schema]) =>
        `<section class="component" id="${schemaAnchor(escapeHtml(name))}"><h3>${escapeHtml(name)}</h3>${prose(schema.description)}${schemaHtml(schema)}</section>`,
    ),
    '</section>',
  ].join('');
  return { contents, reference };
}
