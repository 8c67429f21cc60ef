/**
 * JSON Schema (as the OpenAPI document holds it) written as HTML for people: a type in a line
 * (`array of Item`, `string | null`, a link to a named schema) and an object's properties as a
 * definition list, which reads on a 360 px phone with no table to scroll sideways.
 */

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** The document's prose: paragraphs at blank lines, `code` in backticks; nothing else is markup. */
export function prose(text: string | undefined): string {
  if (text === undefined || text.trim() === '') return '';
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('');
}

/** `#/components/schemas/Item` -> `Item`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

const literal = (value: unknown) => `<code>${escapeHtml(JSON.stringify(value))}</code>`;

/** One schema as a type in a line. */
export function typeHtml(schema: Schema | undefined): string {
  if (schema === undefined) return 'any';
  if (schema.$ref !== undefined) {
    const name = refName(schema.$ref);
    return `<a href="#${schemaAnchor(name)}">${escapeHtml(name)}</a>`;
  }
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum !== undefined) return schema.enum.map(literal).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union !== undefined) return union.map(typeHtml).join(' | ');
  if (schema.allOf !== undefined) return schema.allOf.map(typeHtml).join(' and ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeHtml(schema.items)}`;
      if (type === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties)
        return `map of ${typeHtml(schema.additionalProperties)}`;
      return schema.format === undefined ? type : `${type} (${escapeHtml(schema.format)})`;
    })
    .join(' | ');
}

/** What a value must be beyond its type: lengths, bounds, pattern, default. */
export function constraints(schema: Schema): string[] {
  const out: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min} to ${max}${unit}`);
    else if (min !== undefined) out.push(`at least ${min}${unit}`);
    else if (max !== undefined) out.push(`at most ${max}${unit}`);
  };
  range(schema.minLength, schema.maxLength, ' characters');
  range(schema.minimum, schema.maximum, '');
  if (schema.exclusiveMinimum !== undefined) out.push(`more than ${schema.exclusiveMinimum}`);
  if (schema.exclusiveMaximum !== undefined) out.push(`less than ${schema.exclusiveMaximum}`);
  range(schema.minItems, schema.maxItems, ' items');
  if (schema.pattern !== undefined) out.push(`matches <code>${escapeHtml(schema.pattern)}</code>`);
  if (schema.default !== undefined) out.push(`default ${literal(schema.default)}`);
  if (schema.example !== undefined) out.push(`e.g. ${literal(schema.example)}`);
  return out;
}

/** Alternatives of which some are inline objects: each is worth listing where it is used. */
function objectAlternatives(schema: Schema): Schema[] | undefined {
  const union = schema.anyOf ?? schema.oneOf;
  return union?.some((part) => part.properties !== undefined) ? union : undefined;
}

/** An inline object (no name of its own) whose properties are worth listing where it is used. */
function inlineObject(schema: Schema | undefined): Schema | undefined {
  if (schema === undefined || schema.$ref !== undefined) return undefined;
  if (schema.properties !== undefined || objectAlternatives(schema) !== undefined) return schema;
  if (schema.items !== undefined) return inlineObject(schema.items);
  return undefined;
}

/**
 * A schema in full where it is shown: an object's properties, each alternative of a union of
 * objects ("one of"), else its type in a line.
 */
export function schemaHtml(schema: Schema, depth = 0): string {
  if (schema.properties !== undefined) return propertiesHtml(schema, depth);
  const alternatives = objectAlternatives(schema);
  if (alternatives === undefined) return `<p>${typeHtml(schema)}</p>`;
  const items = alternatives.map(
    (part) =>
      `<li>${part.properties === undefined ? `<p>${typeHtml(part)}</p>` : propertiesHtml(part, depth)}</li>`,
  );
  return `<p>One of:</p><ol class="alternatives">${items.join('')}</ol>`;
}

/** One entry of a definition list: name, type, required or not, then what it means. */
export function entryHtml(
  name: string,
  schema: Schema | undefined,
  options: { required: boolean; description?: string; depth?: number },
): string {
  const depth = options.depth ?? 0;
  const limits = schema === undefined ? [] : constraints(schema);
  const nested = depth < 3 ? inlineObject(schema) : undefined;
  return [
    `<dt><code>${escapeHtml(name)}</code> <span class="type">${typeHtml(schema)}</span>`,
    options.required ? ' <span class="required">required</span>' : '',
    '</dt>',
    `<dd>${prose(options.description ?? schema?.description)}`,
    limits.length > 0 ? `<p class="limits">${limits.join('; ')}</p>` : '',
    nested === undefined ? '' : schemaHtml(nested, depth + 1),
    '</dd>',
  ].join('');
}

/** An object's properties as a definition list, or nothing when it has none. */
export function propertiesHtml(schema: Schema, depth = 0): string {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return '';
  const required = new Set(schema.required ?? []);
  const entries = properties.map(([name, property]) =>
    entryHtml(name, property, { required: required.has(name), depth }),
  );
  const closed = schema.additionalProperties === false ? '<p class="limits">No other properties.</p>' : '';
  return `<dl class="properties">${entries.join('')}</dl>${closed}`;
}
