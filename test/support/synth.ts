import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { applyNag } from '../../infra/nag.js';
import { SupplylineStack } from '../../infra/supplyline-stack.js';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Synthesises the real stack with cdk-nag, as `cdk synth` does (an open finding throws). The
 * output goes inside the project so a bundle's imports of the AWS SDK resolve from node_modules.
 */
export function synthStack(options: {
  bundle: boolean;
  context?: Record<string, unknown>;
  /** Another deployment of the stack (a staging beside production): its name. */
  stackName?: string;
}) {
  const outdir = mkdtempSync(join(root, '.cdk-test-'));
  const app = new App({
    outdir,
    context: { ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...options.context },
  });
  const stack = new SupplylineStack(app, options.stackName ?? 'Supplyline');
  applyNag(app, stack);
  const assembly = app.synth();
  return { template: Template.fromStack(stack), outdir, assembly, stack };
}
