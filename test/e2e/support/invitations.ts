import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from './demo-server.js';

export interface PersonToInvite {
  displayName: string;
  role: 'admin' | 'coordinator' | 'volunteer' | 'logistics';
  scope?: { shelterIds?: string[] | '*'; pickupPointIds?: string[] | '*' };
}

export interface MadeInvitation {
  personId: string;
  invitationId: string;
  /** The link as the API answers it, on the demo server's origin. */
  link: string;
  /** What a phone opens, on whichever origin it talks to: the page and its `#invite=` fragment. */
  path: string;
  /** What follows `#invite=`. */
  code: string;
}

/**
 * A person added and invited through the API, as an admin does (POST /v1/people, then POST
 * /v1/people/{id}/invitations), with the demo's admin key (the benchmark calls it too).
 */
export async function invitePerson(
  demo: Pick<DemoServer, 'http' | 'keys'>,
  person: PersonToInvite,
  options: { expiresInMinutes?: number } = {},
): Promise<MadeInvitation> {
  const added = await demo.http('POST', '/v1/people', demo.keys.admin, person);
  if (added.status !== 201) throw new Error(`add person: ${added.status} ${added.text}`);
  const personId = String(added.body.id);
  return { personId, ...(await inviteAgain(demo, personId, options)) };
}

/** Another invitation for someone already added. */
export async function inviteAgain(
  demo: Pick<DemoServer, 'http' | 'keys'>,
  personId: string,
  options: { expiresInMinutes?: number } = {},
): Promise<Omit<MadeInvitation, 'personId'>> {
  const made = await demo.http('POST', `/v1/people/${personId}/invitations`, demo.keys.admin, options);
  if (made.status !== 201) throw new Error(`invite: ${made.status} ${made.text}`);
  const link = String(made.body.link);
  const url = new URL(link);
  const code = url.hash.replace(/^#invite=/, '');
  return { invitationId: String(made.body.id), link, path: `${url.pathname}${url.hash}`, code };
}

/**
 * Counts every key a page receives (keydown, and beforeinput: text put in a field by any means,
 * Playwright's fill included), in every document the context opens, on the test's side so that a
 * navigation does not reset it. Taps and clicks are not keystrokes.
 */
export async function countKeystrokes(context: BrowserContext): Promise<() => string[]> {
  const seen: string[] = [];
  await context.exposeBinding('reportKeystroke', (source, kind: string) => {
    seen.push(`${kind} on ${source.page.url()}`);
  });
  await context.addInitScript(`
    for (const type of ['keydown', 'beforeinput'])
      window.addEventListener(type, (event) => window.reportKeystroke(event.type), true);
  `);
  return () => [...seen];
}

export interface RecordedRequest {
  method: string;
  /** The request line's target, as the server receives it. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A pass-through HTTP proxy in front of the demo server that records every request exactly as it
 * arrives (request line, headers, body): what a server, a proxy or a log on the way would see.
 */
export async function recordingProxy(
  target: string,
): Promise<{ baseUrl: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: body.toString('utf8'),
      });
      const upstream = forward(
        { hostname, port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${proxyPort}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every URL of the tab's history (back and forward), as Chromium keeps it. */
export async function historyUrls(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: Array<{ url: string }> };
  await cdp.detach();
  return entries.map((entry) => entry.url);
}

/** Everything the page's origin keeps in localStorage and sessionStorage, as name=value lines. */
export async function storedOnDevice(page: Page): Promise<{ local: string[]; session: string[] }> {
  return (await page.evaluate(`({
    local: Object.keys(localStorage).map((name) => name + '=' + localStorage.getItem(name)),
    session: Object.keys(sessionStorage).map((name) => name + '=' + sessionStorage.getItem(name)),
  })`)) as { local: string[]; session: string[] };
}

/**
 * The exchange as another device makes it, straight to the API (no key: the route is public):
 * the person's key, or the refusal's status and body.
 */
export async function acceptByApi(
  demo: DemoServer,
  code: string,
  attemptId?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${demo.baseUrl}/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, ...(attemptId === undefined ? {} : { attemptId }) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
