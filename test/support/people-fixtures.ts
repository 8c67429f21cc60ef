import type { AcceptedInvitation, CreatedInvitation } from '../../shared/domain/invitation.js';
import type { PersonView } from '../../shared/domain/person.js';
import { type CallResult, call } from './http.js';
import type { TestApp } from './test-app.js';

/** What an admin or coordinator sends to add someone; the role decides the landing page. */
export type PersonRequest = {
  displayName: string;
  role: 'admin' | 'coordinator' | 'volunteer' | 'logistics';
  orgId?: string;
  scope?: { shelterIds?: string[] | '*'; pickupPointIds?: string[] | '*' };
};

export async function addPerson(t: TestApp, key: string, body: PersonRequest): Promise<PersonView> {
  const added = await call<PersonView>(t.app, 'POST', '/v1/people', { key, body });
  if (added.status !== 201) throw new Error(`add person: ${added.status} ${added.text}`);
  return added.body;
}

export async function invite(
  t: TestApp,
  key: string,
  personId: string,
  body: { expiresInMinutes?: number } = {},
): Promise<CreatedInvitation & { code: string }> {
  const made = await call<CreatedInvitation>(t.app, 'POST', `/v1/people/${personId}/invitations`, {
    key,
    body,
  });
  if (made.status !== 201) throw new Error(`invite: ${made.status} ${made.text}`);
  return { ...made.body, code: codeOf(made.body.link) };
}

/** The code a page reads from its link: what follows `#invite=`. */
export function codeOf(link: string): string {
  const code = new URL(link).hash.replace(/^#invite=/, '');
  if (code === '') throw new Error(`no code in ${link}`);
  return code;
}

/** Source addresses as API Gateway reports them (a documentation range, so nobody's). */
export const gatewayFrom = (sourceIp: string) => ({ requestContext: { http: { sourceIp } } });

let nextAddress = 0;
/** A fresh source address per call unless one is named, so rate limits stay out of tests about something else. */
export function accept(
  t: TestApp,
  code: string,
  options: { label?: string; from?: string; attemptId?: string } = {},
): Promise<CallResult<AcceptedInvitation & Record<string, unknown>>> {
  const from = options.from ?? `198.51.100.${(nextAddress++ % 250) + 1}`;
  return call(t.app, 'POST', '/v1/invitations/accept', {
    body: {
      code,
      ...(options.label === undefined ? {} : { label: options.label }),
      ...(options.attemptId === undefined ? {} : { attemptId: options.attemptId }),
    },
    env: gatewayFrom(from),
  });
}

/** A person added, invited and signed in: their id and their own key. */
export async function personWithKey(
  t: TestApp,
  managerKey: string,
  body: PersonRequest,
): Promise<{ person: PersonView; apiKey: string; keyId: string }> {
  const person = await addPerson(t, managerKey, body);
  const { code } = await invite(t, managerKey, person.id);
  const accepted = await accept(t, code);
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return { person, apiKey: accepted.body.apiKey, keyId: accepted.body.keyId };
}
