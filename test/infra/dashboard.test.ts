import { rmSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_NAMESPACE, metricCatalogue } from '../../shared/metrics/catalogue.js';
import { synthStack } from '../support/synth.js';

type Resource = { Type: string; Properties: Record<string, unknown> };
type MetricRow = Array<string | Record<string, unknown>>;
interface Widget {
  type: string;
  width: number;
  properties: {
    title?: string;
    view?: string;
    markdown?: string;
    metrics?: MetricRow[];
    alarms?: string[];
    setPeriodToTimeRange?: boolean;
  };
}

/**
 * The dashboard's body as CloudWatch will read it: CloudFormation joins strings and references,
 * here each reference stands as `<Ref:LogicalId>` or `<LogicalId.Attribute>`.
 */
function dashboardBody(template: Template): { start: string; widgets: Widget[] } {
  const dashboards = Object.values(template.toJSON().Resources as Record<string, Resource>).filter(
    (r) => r.Type === 'AWS::CloudWatch::Dashboard',
  );
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0]?.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] } | string;
  if (typeof body === 'string') return JSON.parse(body);
  const text = body['Fn::Join'][1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      if (ref !== undefined) return `<Ref:${ref}>`;
      const [id, attribute] = (part as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
      return `<${id}.${attribute}>`;
    })
    .join('');
  return JSON.parse(text);
}

const rowsOf = (widgets: Widget[]) => widgets.flatMap((w) => w.properties.metrics ?? []);
/** A row naming one of our metrics: [namespace, name, 'service', value, options]. */
const ourMetric = (row: MetricRow) => (row[0] === METRICS_NAMESPACE ? (row[1] as string) : undefined);
const expressionOf = (row: MetricRow) => {
  const options = row.find((part) => typeof part === 'object') as { expression?: string } | undefined;
  return options?.expression;
};

describe('the distribution-day dashboard', () => {
  let template: Template;
  let outdir: string;
  let widgets: Widget[];
  let start: string;

  beforeAll(() => {
    ({ template, outdir } = synthStack({ bundle: false }));
    ({ widgets, start } = dashboardBody(template));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('shows every metric the code records, in its namespace, for this stack’s service only', () => {
    const rows = rowsOf(widgets);
    const shown = new Set(rows.map(ourMetric).filter((name) => name !== undefined));
    for (const row of rows.filter((r) => ourMetric(r) !== undefined))
      expect(row.slice(2, 4)).toEqual(['service', 'Supplyline']);
    const searched = rows.map(expressionOf).filter((e): e is string => e?.includes('SEARCH(') === true);
    for (const name of Object.keys(metricCatalogue)) {
      const inSearch = searched.some((e) => e.includes(`MetricName="${name}"`));
      expect(shown.has(name) || inSearch, `${name} is on the dashboard`).toBe(true);
    }
    for (const expression of searched) expect(expression).toContain('service="Supplyline"');
  });

  it('splits refusals by every problem type that occurred, without listing them', () => {
    const refusals = widgets.find((w) => w.properties.title === 'Refusals by problem type');
    expect(rowsOf(refusals ? [refusals] : []).map(expressionOf)).toEqual([
      `SEARCH('{Supplyline,service,ProblemType} MetricName="Refusals" service="Supplyline"', 'Sum', 300)`,
    ]);
  });

  it('opens on the last 12 hours with the day’s totals over the range chosen, then the graphs', () => {
    expect(start).toBe('-PT12H');
    const totals = widgets.find((w) => w.properties.view === 'singleValue');
    expect(totals?.properties.setPeriodToTimeRange).toBe(true);
    expect(rowsOf(totals ? [totals] : []).map((row) => ourMetric(row) ?? expressionOf(row))).toEqual([
      'RedemptionsOnline',
      'RedemptionsSynced',
      expect.stringContaining('SUM(SEARCH('),
      'SyncConflicts',
      'WebhookDeliveriesFailed',
    ]);
    const titles = widgets.map((w) => w.properties.title).filter(Boolean);
    expect(titles).toEqual([
      'Totals over the time range',
      'Handovers',
      'Refusals by problem type',
      'Offline syncs (records)',
      'API requests',
      'Events from the table stream',
      'Webhooks',
      'Alarms',
    ]);
    for (const widget of widgets) expect(widget.width).toBeLessThanOrEqual(24);
  });

  it('shows the API’s traffic and latency, and Lambda’s own iterator age beside ours', () => {
    const rows = rowsOf(widgets);
    const apiGateway = rows.filter((row) => row[0] === 'AWS/ApiGateway').map((row) => row[1]);
    expect(apiGateway).toEqual(expect.arrayContaining(['Count', '4xx', '5xx', 'Latency']));
    expect(rows.filter((row) => row[0] === 'AWS/Lambda').map((row) => row[1])).toEqual(['IteratorAge']);
  });

  it('reads a gap in the oldest undelivered webhook as nothing waiting', () => {
    expect(rowsOf(widgets).map(expressionOf)).toContain('FILL(oldest, 0)');
  });

  it('shows the state of every alarm', () => {
    const alarms = widgets.find((w) => w.properties.title === 'Alarms')?.properties.alarms ?? [];
    const alarmIds = Object.entries(template.toJSON().Resources as Record<string, Resource>)
      .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm')
      .map(([id]) => `<${id}.Arn>`);
    expect(alarmIds).toHaveLength(12);
    expect([...alarms].sort()).toEqual(alarmIds.sort());
  });

  it('is named after the stack, and its name is an output', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'Supplyline-distribution-day',
    });
    expect(template.findOutputs('DashboardName').DashboardName?.Value).toEqual({
      Ref: expect.stringMatching(/^OperationsDashboard/),
    });
  });

  it('tells the functions that emit metrics the stack’s name as their service', () => {
    const functions = Object.values(template.toJSON().Resources as Record<string, Resource>).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    );
    const services = Object.fromEntries(
      functions.map((fn) => [
        String(fn.Properties.Description),
        (fn.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables
          .METRICS_SERVICE,
      ]),
    );
    expect(services).toMatchObject({
      'Supplyline REST API (Hono)': 'Supplyline',
      'Turns Supplyline table changes into events: the feed, webhooks, stock alerts': 'Supplyline',
      'Retries the Supplyline webhook deliveries that are due': 'Supplyline',
    });
  });
});

describe('the dashboard of a second deployment', () => {
  it('shows that deployment’s metrics only', () => {
    const { template, outdir } = synthStack({ bundle: false, stackName: 'Supplyline-staging' });
    try {
      const rows = rowsOf(dashboardBody(template).widgets);
      for (const row of rows.filter((r) => ourMetric(r) !== undefined))
        expect(row.slice(2, 4)).toEqual(['service', 'Supplyline-staging']);
      for (const expression of rows.map(expressionOf).filter((e) => e?.includes('SEARCH(')))
        expect(expression).toContain('service="Supplyline-staging"');
      template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
        DashboardName: 'Supplyline-staging-distribution-day',
      });
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
