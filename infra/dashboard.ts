import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  METRICS_NAMESPACE,
  type MetricName,
  PROBLEM_TYPE_DIMENSION,
  SERVICE_DIMENSION,
} from '../shared/metrics/catalogue.js';

const PERIOD = Duration.minutes(5);

/**
 * One CloudWatch dashboard for a distribution day: at the top, the day's totals (handovers
 * online and synced, refusals, conflicts, failed webhook deliveries); then how they went over the
 * day, refusals by problem type, offline syncs, the API's traffic and latency, events and
 * webhooks, and the state of every alarm. It opens on the last 12 hours, a day of handing out.
 * Metric names come from the catalogue the code records with (shared/metrics/catalogue.ts), and
 * `service` is this stack's name, as the functions are told in METRICS_SERVICE.
 */
export class SupplylineDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(
    scope: Construct,
    id: string,
    props: { api: HttpApi; dispatcher: IFunction; alarms: readonly IAlarm[] },
  ) {
    super(scope, id);
    const service = Stack.of(this).stackName;
    const metric = (name: MetricName, statistic: string, label: string): Metric =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: name,
        dimensionsMap: { [SERVICE_DIMENSION]: service },
        statistic,
        period: PERIOD,
        label,
      });
    const sum = (name: MetricName, label: string) => metric(name, Stats.SUM, label);
    // Every problem type that occurred, without listing them: refusals are split by their type.
    const refusalsSearch = `SEARCH('{${METRICS_NAMESPACE},${SERVICE_DIMENSION},${PROBLEM_TYPE_DIMENSION}} MetricName="Refusals" ${SERVICE_DIMENSION}="${service}"', 'Sum', ${PERIOD.toSeconds()})`;
    const refusalsByType = new MathExpression({
      expression: refusalsSearch,
      usingMetrics: {},
      period: PERIOD,
      label: '',
    });
    const refusalsTotal = new MathExpression({
      expression: `SUM(${refusalsSearch})`,
      usingMetrics: {},
      period: PERIOD,
      label: 'Refusals',
    });
    // The retry pass writes the oldest delivery's age only while one waits: a gap is nothing waiting.
    const oldestUndelivered = new MathExpression({
      expression: 'FILL(oldest, 0)',
      usingMetrics: { oldest: metric('OldestUndeliveredAge', Stats.MAXIMUM, 'oldest') },
      period: PERIOD,
      label: 'Oldest undelivered webhook (ms)',
    });
    const totals: IMetric[] = [
      sum('RedemptionsOnline', 'Handed over online'),
      sum('RedemptionsSynced', 'Handed over offline, synced'),
      refusalsTotal,
      sum('SyncConflicts', 'Sync conflicts'),
      sum('WebhookDeliveriesFailed', 'Webhook deliveries failed'),
    ];
    const graph = (title: string, left: IMetric[], right: IMetric[] = [], stacked = false) =>
      new GraphWidget({ title, left, right, width: 12, height: 6, period: PERIOD, stacked });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${service}-distribution-day`,
      defaultInterval: Duration.hours(12),
      widgets: [
        [
          new TextWidget({
            markdown: [
              `# ${service}: a distribution day`,
              'Totals over the time range chosen above; graphs per 5 minutes. ' +
                'Refusals are API answers 4xx, by problem type (`voucher-expired`, `voucher-already-redeemed`, ...). ' +
                'A sync conflict waits for a logistics lead in the conflicts list. Alarms mail the ops topic.',
            ].join('\n\n'),
            width: 24,
            height: 2,
          }),
        ],
        [
          new SingleValueWidget({
            title: 'Totals over the time range',
            metrics: totals,
            setPeriodToTimeRange: true,
            width: 24,
          }),
        ],
        [
          graph(
            'Handovers',
            [sum('RedemptionsOnline', 'Online'), sum('RedemptionsSynced', 'Offline, synced')],
            [],
            true,
          ),
          graph('Refusals by problem type', [refusalsByType], [], true),
        ],
        [
          graph('Offline syncs (records)', [
            sum('SyncRecords', 'Received'),
            sum('RedemptionsSynced', 'Booked'),
            sum('SyncConflicts', 'Conflicts'),
            sum('SyncRejected', 'Rejected'),
          ]),
          graph(
            'API requests',
            [
              props.api.metricCount({ period: PERIOD, label: 'Requests' }),
              props.api.metricClientError({ period: PERIOD, label: '4xx' }),
              props.api.metricServerError({ period: PERIOD, label: '5xx' }),
            ],
            [
              props.api.metricLatency({ period: PERIOD, statistic: Stats.percentile(50), label: 'p50 ms' }),
              props.api.metricLatency({ period: PERIOD, statistic: Stats.percentile(99), label: 'p99 ms' }),
            ],
          ),
        ],
        [
          graph(
            'Events from the table stream',
            [sum('EventsDispatched', 'Events dispatched')],
            [
              metric('StreamIteratorAge', Stats.MAXIMUM, 'Dispatched after (ms)'),
              props.dispatcher.metric('IteratorAge', {
                period: PERIOD,
                statistic: Stats.MAXIMUM,
                label: 'Lambda iterator age (ms)',
              }),
            ],
          ),
          graph(
            'Webhooks',
            [
              sum('WebhookDeliveries', 'Delivered'),
              sum('WebhookDeliveriesFailed', 'Failed attempts'),
              sum('WebhooksDisabled', 'Subscriptions disabled'),
            ],
            [oldestUndelivered],
          ),
        ],
        [new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 4 })],
      ],
    });
  }
}
