/**
 * A filter keeping items whose `attribute` is one of `ids` (a key's shelter scope, at most 100
 * ids, DynamoDB's limit for IN). An empty list keeps nothing. Placeholders go into `values`.
 */
export function memberOf(attribute: string, ids: readonly string[], values: Record<string, unknown>): string {
  if (ids.length === 0) return 'attribute_not_exists(pk)';
  const placeholders = ids.map((id, i) => {
    values[`:${attribute}${i}`] = id;
    return `:${attribute}${i}`;
  });
  return `${attribute} IN (${placeholders.join(', ')})`;
}
