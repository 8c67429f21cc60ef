/**
 * Just enough of IAM policy evaluation to ask a synthesised template's policy "would this
 * request be allowed?": CloudFormation's Ref and Fn::Join resolved with a deployment's account,
 * region and partition, then the conditions our statements use (StringEquals, ArnLike) checked.
 * An operator the test does not know makes the statement not apply, so a policy that grows a new
 * kind of condition fails its test instead of passing it by accident.
 */

export interface Deployment {
  partition: string;
  region: string;
  account: string;
}

export interface PolicyRequest {
  principal: { Service: string } | { AWS: string };
  action: string;
  context: Record<string, string>;
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** A template value with pseudo parameters and Fn::Join resolved; other tokens stay as they are. */
export function resolve(value: unknown, deployment: Deployment): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, deployment));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const ref = object.Ref;
  if (ref === 'AWS::Partition') return deployment.partition;
  if (ref === 'AWS::Region') return deployment.region;
  if (ref === 'AWS::AccountId') return deployment.account;
  const join = object['Fn::Join'] as [string, unknown[]] | undefined;
  if (join !== undefined) {
    const parts = join[1].map((part) => resolve(part, deployment));
    if (parts.every((part) => typeof part === 'string')) return parts.join(join[0]);
  }
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, resolve(item, deployment)]));
}

/** IAM's wildcards: `*` any run of characters, `?` any one. */
const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );

const values = (value: unknown): string[] => [value].flat().map(String);

function conditionHolds(operator: string, key: string, expected: unknown, context: Record<string, string>) {
  const actual = context[key];
  if (actual === undefined) return false;
  switch (operator) {
    case 'StringEquals':
      return values(expected).includes(actual);
    case 'ArnLike':
    case 'StringLike':
      return values(expected).some((pattern) => wildcard(pattern).test(actual));
    default:
      return false;
  }
}

/** Whether `statement`, resolved for `deployment`, allows `request`. */
export function allows(statement: PolicyStatement, request: PolicyRequest, deployment: Deployment): boolean {
  const resolved = resolve(statement, deployment) as PolicyStatement;
  if (resolved.Effect !== 'Allow') return false;
  if (JSON.stringify(resolved.Principal) !== JSON.stringify(request.principal)) return false;
  if (!values(resolved.Action).some((action) => wildcard(action).test(request.action))) return false;
  return Object.entries(resolved.Condition ?? {}).every(([operator, conditions]) =>
    Object.entries(conditions).every(([key, expected]) =>
      conditionHolds(operator, key, expected, request.context),
    ),
  );
}
