import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { secretsInitializerEnvSchema } from '../shared/config/env.js';
import { createSupplylineFunction } from './functions.js';

/**
 * The secrets document (voucher signing keys, pseudonymisation key) in Secrets Manager. Secrets
 * Manager cannot generate Ed25519 keys, so the secret starts as a placeholder and a custom
 * resource writes real keys on the first deploy; later deploys leave a valid document alone.
 * Retained on stack deletion: without its keys, no issued voucher can be verified.
 */
export class AppSecrets extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Supplyline voucher signing keys and beneficiary pseudonymisation key',
      removalPolicy: RemovalPolicy.RETAIN,
      generateSecretString: {
        secretStringTemplate: '{"uninitialised":true}',
        generateStringKey: 'placeholder',
      },
    });
    const initializer = createSupplylineFunction(this, 'Initializer', {
      entry: 'functions/secrets-initializer.ts',
      description: 'Writes generated keys into the Supplyline secret on first deploy',
      envSchema: secretsInitializerEnvSchema,
      environment: { LOG_LEVEL: 'info' },
      memorySize: 256,
      timeout: Duration.seconds(30),
    });
    initializer.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
        resources: [this.secret.secretArn],
      }),
    );
    const provider = new Provider(this, 'Provider', { onEventHandler: initializer });
    const init = new CustomResource(this, 'Init', {
      serviceToken: provider.serviceToken,
      properties: { SecretArn: this.secret.secretArn },
    });
    init.node.addDependency(this.secret);
  }
}
