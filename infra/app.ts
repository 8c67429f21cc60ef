// `npx cdk synth` entry. Needs no AWS credentials: the stack is environment-agnostic.
import { App } from 'aws-cdk-lib';
import { InvalidContextError } from './config.js';
import { applyNag } from './nag.js';
import { SupplylineStack } from './supplyline-stack.js';

const app = new App();
try {
  const stack = new SupplylineStack(app, 'Supplyline', {
    description: 'Supplyline: shelter stock and QR voucher distribution API',
  });
  applyNag(app, stack);
} catch (err) {
  // A bad `-c key=value` is the user's to fix: say what, without a stack trace into the CDK.
  if (!(err instanceof InvalidContextError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
