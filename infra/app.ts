// `npx cdk synth` entry. Needs no AWS credentials: the stack is environment-agnostic.
import { App } from 'aws-cdk-lib';
import { applyNag } from './nag.js';
import { SupplylineStack } from './supplyline-stack.js';

const app = new App();
const stack = new SupplylineStack(app, 'Supplyline', {
  description: 'Supplyline: shelter stock and QR voucher distribution API',
});
applyNag(app, stack);
