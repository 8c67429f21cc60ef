import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { RuntimeEnvironment } from '../shared/config/env.js';

const root = new URL('..', import.meta.url).pathname;

/**
 * Every Supplyline function is built the same way: arm64, Node 22, an ESM bundle minified by the
 * local esbuild with source maps, the AWS SDK left to the runtime. The environment is typed by
 * the runtime's own zod schema: a variable the runtime requires is a compile error here.
 */
export interface SupplylineFunctionProps {
  entry: string;
  description: string;
  environment: RuntimeEnvironment;
  memorySize: number;
  timeout: Duration;
  reservedConcurrentExecutions?: number | undefined;
  /** Extra files copied beside the bundle (the /docs assets). */
  copyFiles?: Array<{ from: string; to: string }>;
}

export function createSupplylineFunction(
  scope: Construct,
  id: string,
  props: SupplylineFunctionProps,
): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const copies = props.copyFiles ?? [];
  return new NodejsFunction(scope, id, {
    entry: `${root}${props.entry}`,
    handler: 'handler',
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
    projectRoot: root,
    depsLockFilePath: `${root}package-lock.json`,
    bundling: {
      format: OutputFormat.ESM,
      target: 'node22',
      minify: true,
      sourceMap: true,
      externalModules: ['@aws-sdk/*'],
      mainFields: ['module', 'main'],
      // CommonJS dependencies (qrcode) call require(); an ESM bundle needs one made for it.
      banner:
        "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_input: string, output: string) =>
          copies.map(
            ({ from, to }) =>
              `mkdir -p "${output}/${to}" && cp -r ${from
                .split(' ')
                .map((f) => `"${root}${f}"`)
                .join(' ')} "${output}/${to}/"`,
          ),
      },
    },
  });
}
