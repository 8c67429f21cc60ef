// `npx cdk synth` entry. Needs no AWS credentials: the stack is environment-agnostic.
import { App } from 'aws-cdk-lib';
import { SupplylineStack } from './supplyline-stack.js';

const app = new App();
new SupplylineStack(app, 'Supplyline');
