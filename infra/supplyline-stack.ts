import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { apiFunctionEnvSchema, sweeperEnvSchema } from '../shared/config/env.js';
import { SupplylineAlarms } from './alarms.js';
import { AppSecrets } from './app-secrets.js';
import { readSettings } from './config.js';
import { SupplylineDashboard } from './dashboard.js';
import { SupplylineEvents } from './events.js';
import { createSupplylineFunction } from './functions.js';
import { SupplylineHttpApi } from './http-api.js';
import { apiTableActions, grantTable, sweeperTableActions } from './permissions.js';
import { SealingKey } from './sealing-key.js';
import { StockAlerts } from './stock-alerts.js';
import { createSupplylineTable } from './table.js';
import { TopicsKey } from './topics-key.js';

/**
 * The deployable Supplyline stack: table, secrets, API and sweeper functions, HTTP API, the events
 * functions on the table's stream, the stock-alert topic, alarms and their topic (both topics
 * under one customer-managed key), the operations dashboard.
 */
export class SupplylineStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const settings = readSettings(this);
    const table = createSupplylineTable(this, 'Table');
    const secrets = new AppSecrets(this, 'Secrets');
    const sealing = new SealingKey(this, 'Sealing');
    const topicsKey = new TopicsKey(this, 'TopicsKey');
    const stockAlerts = new StockAlerts(this, 'StockAlerts', {
      emails: settings.stockAlertEmails,
      key: topicsKey.key,
    });

    const api = createSupplylineFunction(this, 'ApiFunction', {
      entry: 'functions/api.ts',
      description: 'Supplyline REST API (Hono)',
      envSchema: apiFunctionEnvSchema,
      environment: {
        TABLE_NAME: table.tableName,
        SECRETS_ARN: secrets.secret.secretArn,
        SEALING_KEY_ARN: sealing.key.keyArn,
        BENEFICIARY_RETENTION_DAYS: String(settings.beneficiaryRetentionDays),
        LOG_LEVEL: 'info',
        WEBHOOK_URL_POLICY: 'public-https',
        METRICS_SERVICE: this.stackName,
        ALERT_TOPIC_ARN: stockAlerts.topic.topicArn,
      },
      memorySize: 1024,
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: settings.apiConcurrency,
    });
    grantTable(api, table, apiTableActions);
    secrets.secret.grantRead(api);
    sealing.grantSealAndOpen(api);
    // Who the digests reach, for the desk (GET /v1/shelters/{id}/alert-recipients): a read of
    // the topic's subscriptions, never a publish.
    stockAlerts.grantListSubscriptions(api);

    const sweeper = createSupplylineFunction(this, 'SweeperFunction', {
      entry: 'functions/sweeper.ts',
      description: 'Expires Supplyline vouchers past validity and releases their reserved stock',
      envSchema: sweeperEnvSchema,
      environment: {
        TABLE_NAME: table.tableName,
        BENEFICIARY_RETENTION_DAYS: String(settings.beneficiaryRetentionDays),
      },
      memorySize: 512,
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: 1,
    });
    grantTable(sweeper, table, sweeperTableActions);
    new Rule(this, 'SweepSchedule', {
      description: 'Runs the voucher expiry sweep',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(sweeper, { retryAttempts: 2 })],
    });

    const events = new SupplylineEvents(this, 'Events', {
      table,
      alertTopic: stockAlerts.topic,
      sealing,
      settings,
    });

    const http = new SupplylineHttpApi(this, 'Http', api, settings);
    const alarms = new SupplylineAlarms(this, 'Alarms', {
      api: http.api,
      functions: {
        Api: api,
        Sweeper: sweeper,
        Dispatcher: events.dispatcher,
        WebhookRetries: events.retries,
      },
      streamConsumer: events.dispatcher,
      deadLetters: events.deadLetters,
      table,
      alarmEmail: settings.alarmEmail,
      topicsKey,
    });
    const dashboard = new SupplylineDashboard(this, 'Operations', {
      api: http.api,
      dispatcher: events.dispatcher,
      alarms: alarms.alarms,
    });

    new CfnOutput(this, 'ApiUrl', { value: http.url, description: 'Base URL of the Supplyline API' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'SecretArn', {
      value: secrets.secret.secretArn,
      description: 'Signing and pseudonymisation keys',
    });
    new CfnOutput(this, 'StockAlertTopicArn', {
      value: stockAlerts.topic.topicArn,
      description: 'SNS topic of stock-alert digests for logistics leads',
    });
    new CfnOutput(this, 'DashboardName', {
      value: dashboard.dashboard.dashboardName,
      description: 'CloudWatch dashboard of a distribution day',
    });
    new CfnOutput(this, 'Region', { value: Aws.REGION });
  }
}
