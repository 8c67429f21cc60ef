import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { z } from 'zod';
import type { DeployedEnvironment } from '../shared/config/env.js';

const root = new URL('..', import.meta.url).pathname;

/**
 * Every Supplyline function is built the same way: arm64, Node 22, an ESM bundle minified with
 * source maps by scripts/build-function.ts (esbuild, AWS SDK left to the runtime, zod trimmed),
 * the same build the benchmarks measure. The environment is typed by the zod schema the entry
 * parses it with: a variable the function requires, or one it never reads, is a compile error
 * here, and a literal value the schema refuses fails the synth.
 */
export interface SupplylineFunctionProps<S extends z.ZodObject> {
  entry: string;
  description: string;
  /** The schema the entry validates its environment with (shared/config/env.ts). */
  envSchema: S;
  environment: NoInfer<DeployedEnvironment<S>>;
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

/** Checks at synth what the types cannot: values known now (not tokens) must parse. */
function checkEnvironment(id: string, schema: z.ZodObject, environment: Record<string, string>): void {
  for (const [name, value] of Object.entries(environment)) {
    const variable = schema.shape[name];
    if (variable === undefined) throw new Error(`${id}: ${name} is not a variable its entry reads.`);
    if (Token.isUnresolved(value)) continue;
    const parsed = variable.safeParse(value);
    if (!parsed.success)
      throw new Error(`${id}: ${name}=${JSON.stringify(value)}: ${parsed.error.issues[0]?.message}`);
  }
}

export function createSupplylineFunction<S extends z.ZodObject>(
  scope: Construct,
  id: string,
  props: SupplylineFunctionProps<S>,
): LambdaFunction {
  checkEnvironment(id, props.envSchema, props.environment);
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
