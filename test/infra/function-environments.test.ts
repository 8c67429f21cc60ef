import { rmSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  apiFunctionEnvSchema,
  dispatcherEnvSchema,
  secretsInitializerEnvSchema,
  sweeperEnvSchema,
} from '../../shared/config/env.js';
import { synthStack } from '../support/synth.js';

/** Set on every function for the Node runtime and the AWS SDK, not read by our code. */
const platformVariables = ['NODE_OPTIONS', 'AWS_NODEJS_CONNECTION_REUSE_ENABLED'];

const schemaByDescription: Record<string, z.ZodObject> = {
  'Supplyline REST API (Hono)': apiFunctionEnvSchema,
  'Expires Supplyline vouchers past validity and releases their reserved stock': sweeperEnvSchema,
  'Writes generated keys into the Supplyline secret on first deploy': secretsInitializerEnvSchema,
  'Turns Supplyline table changes into events: the feed, webhooks, stock alerts': dispatcherEnvSchema,
  'Retries the Supplyline webhook deliveries that are due': dispatcherEnvSchema,
};

function requiredVariables(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, variable]) => !variable.safeParse(undefined).success)
    .map(([name]) => name);
}

describe('the functions in the synthesised template', () => {
  let template: Template;
  let outdir: string;

  beforeAll(() => {
    ({ template, outdir } = synthStack({ bundle: false }));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it.each(Object.entries(schemaByDescription))(
    '%s: given every variable its schema requires, and none it does not declare',
    (description, schema) => {
      const functions = Object.values(
        template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }),
      );
      expect(functions).toHaveLength(1);
      const variables = (functions[0]?.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      const given = Object.keys(variables).filter((name) => !platformVariables.includes(name));

      expect(given).toEqual(expect.arrayContaining(requiredVariables(schema)));
      expect(given.filter((name) => !(name in schema.shape))).toEqual([]);
      for (const name of given) {
        const value = variables[name];
        // Values CloudFormation fills in at deploy (a Ref to the table or the secret) cannot be parsed here.
        if (typeof value === 'string') expect(schema.shape[name]?.safeParse(value).success).toBe(true);
      }
    },
  );

  it('names a schema for every function of ours (a new function needs its entry here)', () => {
    const described = Object.values(template.findResources('AWS::Lambda::Function'))
      .map((fn) => String(fn.Properties.Description ?? ''))
      .filter((description) => !description.includes('provider framework'));
    expect(described.sort()).toEqual(Object.keys(schemaByDescription).sort());
  });

  it('hands the API function its secret ARN, and the secrets initializer no table name', () => {
    const variablesOf = (description: string) =>
      Object.values(
        template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }),
      )[0]?.Properties.Environment.Variables as Record<string, unknown>;
    expect(variablesOf('Supplyline REST API (Hono)')).toHaveProperty('SECRETS_ARN');
    expect(
      variablesOf('Writes generated keys into the Supplyline secret on first deploy'),
    ).not.toHaveProperty('TABLE_NAME');
  });
});
