import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { SupplylineStack } from '../../infra/supplyline-stack.js';

const outdirs: string[] = [];

/** The stack built with these `-c key=value` settings (bundling skipped: only settings matter here). */
function stackWith(context: Record<string, unknown>): SupplylineStack {
  const outdir = mkdtempSync(join(tmpdir(), 'supplyline-context-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return new SupplylineStack(app, 'Supplyline');
}

function apiFunction(stack: SupplylineStack) {
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function', {
    Properties: { Description: 'Supplyline REST API (Hono)' },
  });
  return Object.values(functions)[0]?.Properties;
}

describe('CDK context settings', () => {
  afterAll(() => {
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  });

  it('refuses a non-numeric apiConcurrency, naming the key and what to pass', () => {
    expect(() => stackWith({ apiConcurrency: 'abc' })).toThrow(
      /CDK context "apiConcurrency" is "abc".*pass a whole number of at least 1.*-c apiConcurrency=50/,
    );
  });

  it('stops `cdk synth` with that one line, no stack trace', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'supplyline-context-'));
    outdirs.push(outdir);
    // How the CDK CLI runs the app: the context in CDK_CONTEXT_JSON, the output folder in CDK_OUTDIR.
    const synth = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ apiConcurrency: 'abc' }),
        CDK_OUTDIR: outdir,
      },
      encoding: 'utf8',
    });
    expect(synth.status).toBe(1);
    const lines = synth.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^CDK context "apiConcurrency" is "abc".*-c apiConcurrency=50\.$/);
  });

  it('refuses an apiConcurrency of 0, which would disable the API', () => {
    expect(() => stackWith({ apiConcurrency: '0' })).toThrow(/CDK context "apiConcurrency"/);
  });

  it('names every bad setting at once', () => {
    expect(() =>
      stackWith({ throttleRate: 'fast', alarmEmail: 'ops', corsOrigins: 'app.example.org' }),
    ).toThrow(/"throttleRate"[\s\S]*"corsOrigins"[\s\S]*"alarmEmail"/);
  });

  it('takes apiConcurrency from the command line (a string) or cdk.json (a number)', () => {
    expect(apiFunction(stackWith({ apiConcurrency: '25' }))?.ReservedConcurrentExecutions).toBe(25);
    expect(apiFunction(stackWith({ apiConcurrency: 40 }))?.ReservedConcurrentExecutions).toBe(40);
  });

  it('leaves the account pool shared and uses the defaults when nothing is set', () => {
    const stack = stackWith({});
    expect(apiFunction(stack)).not.toHaveProperty('ReservedConcurrentExecutions');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['*'] }),
    });
    // Neither alarm nor stock-alert emails unless asked for.
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes each stockAlertEmails address to the stock-alert topic, from the command line or cdk.json', () => {
    const endpoints = (context: Record<string, unknown>) =>
      Object.values(
        Template.fromStack(stackWith(context)).findResources('AWS::SNS::Subscription', {
          Properties: { TopicArn: { Ref: Match.stringLikeRegexp('^StockAlertsTopic') } },
        }),
      ).map((subscription) => subscription.Properties.Endpoint);
    expect(endpoints({ stockAlertEmails: 'a@example.org, b@example.org,' })).toEqual([
      'a@example.org',
      'b@example.org',
    ]);
    expect(endpoints({ stockAlertEmails: ['a@example.org', 'b@example.org', 'a@example.org'] })).toEqual([
      'a@example.org',
      'b@example.org',
    ]);
    expect(endpoints({ stockAlertEmails: '' })).toEqual([]);
  });

  it('refuses a stockAlertEmails entry that is not an email address, naming the setting and what to pass', () => {
    expect(() => stackWith({ stockAlertEmails: 'lead@example.org,logistics' })).toThrow(
      /CDK context "stockAlertEmails" is "lead@example.org,logistics" \("logistics" is not an email address\): pass comma-separated email addresses.*-c stockAlertEmails=logistics@example.org,lead@example.org/,
    );
    expect(() => stackWith({ stockAlertEmails: ['lead@example.org', 42] })).toThrow(
      /CDK context "stockAlertEmails"/,
    );
    expect(() => stackWith({ stockAlertEmails: 5 })).toThrow(/CDK context "stockAlertEmails"/);
  });

  it('splits comma-separated CORS origins and passes the retention days to the functions', () => {
    const template = Template.fromStack(
      stackWith({
        corsOrigins: 'https://a.example.org, https://b.example.org',
        beneficiaryRetentionDays: '7',
      }),
    );
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://a.example.org', 'https://b.example.org'],
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ BENEFICIARY_RETENTION_DAYS: '7' }) },
    });
  });
});
