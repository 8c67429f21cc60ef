// CloudFormation custom resource entry: fills the stack's secret with real keys on first deploy.
import { composeSecretsInitializer } from '../shared/composition-root.js';
import { initializeSecret, type SecretCustomResourceEvent } from '../shared/config/initialize-secret.js';

const deps = await composeSecretsInitializer();

// The Lambda runtime calls handler(event, context): the deps come from module scope, never arguments.
export const handler = (event: SecretCustomResourceEvent) => initializeSecret(event, deps);
