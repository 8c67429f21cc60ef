import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { RuntimeEnvironment } from '../shared/config/env.js';

const root = new URL('..', import.meta.url).pathname;

/**
 * Every Supplyline function is built the same way: arm64, Node 22, an ESM bundle minified with
 * source maps by scripts/build-function.ts (esbuild, AWS SDK left to the runtime, zod trimmed),
 * the same build the benchmarks measure. The environment is typed by the runtime's own zod
 * schema: a variable the runtime requires is a compile error here.
 */
export interface SupplylineFunctionProps {
  entry: string;
  description: string;
  environment: RuntimeEnvironment;
  memorySize: number;
  timeout: Duration;
  reservedConcurrentExecutions?: number | undefined;
}

function bundledCode(scope: Construct, id: string, entry: string): Code {
  const outdir = join(root, '.build', Stack.of(scope).stackName, id);
  mkdirSync(outdir, { recursive: true });
  // Tests that only inspect the template skip bundling, as NodejsFunction does.
  if (!Stack.of(scope).bundlingRequired) return Code.fromAsset(outdir);
  return Code.fromCustomCommand(outdir, ['npx', 'tsx', 'scripts/build-function.ts', entry, outdir], {
    commandOptions: { cwd: root, stdio: 'inherit' },
  });
}

export function createSupplylineFunction(
  scope: Construct,
  id: string,
  props: SupplylineFunctionProps,
): LambdaFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  return new LambdaFunction(scope, id, {
    code: bundledCode(scope, id, props.entry),
    handler: 'index.handler',
    description: props.description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    logGroup,
    ...(props.reservedConcurrentExecutions === undefined
      ? {}
      : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
    environment: {
      ...props.environment,
      NODE_OPTIONS: '--enable-source-maps',
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    },
  });
}
