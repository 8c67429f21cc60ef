import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { accept, addPerson, gatewayFrom, invite, personWithKey } from '../support/people-fixtures.js';
import { queryPartition, readRecord } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;
const problem = (type: string) => `urn:supplyline:problem:${type}`;

describe('people and invitations: errors', () => {
  let t: TestApp;
  let world: World;
  /** The app's clock, moved by the tests that need time to pass. */
  let clock = Date.now();
  const volunteer = (displayName: string) => ({
    displayName,
    role: 'volunteer' as const,
    scope: { pickupPointIds: ['pp-a1'] },
  });

  beforeAll(async () => {
    t = await createTestApp({ deps: { now: () => new Date(clock) } });
    world = await buildWorld(t);
    // The inviter, as a refused code names them: a person of org-a.
    const org = await t.deps.stores.organizations.get('org-a');
    expect(org?.name).toBe('Org org-a');
  });

  describe('a code that gives no key', () => {
    it('refuses a code that is not ours, cut short, or with a wrong secret, and names nobody', async () => {
      const person = await addPerson(t, world.admin, volunteer('Mealea'));
      const { code } = await invite(t, world.admin, person.id);
      const [id, secret] = code.split('.') as [string, string];
      const wrongSecret = `${id}.${secret.slice(0, -4)}AAAA`;
      const unknownId = `inv_01HZZZZZZZZZZZZZZZZZZZZZZZ.${secret}`;

      for (const bad of ['hello', code.slice(0, -1), wrongSecret, unknownId]) {
        const refused = await accept(t, bad);

        expect(refused.status, bad).toBe(404);
        expect(isProblem(refused)).toBe(true);
        expect(refused.body.type).toBe(problem('invitation-invalid'));
        expect(refused.body).not.toHaveProperty('invitedBy');
      }
      expect((await accept(t, code)).status).toBe(200);
    });

    it('refuses a used code, saying when and whom to ask: a display name and an organisation, nothing else', async () => {
      const inviter = await personWithKey(t, world.admin, { displayName: 'Dara (office)', role: 'admin' });
      const person = await addPerson(t, inviter.apiKey, volunteer('Kanha'));
      const { code } = await invite(t, inviter.apiKey, person.id);
      const first = await accept(t, code);

      const again = await accept(t, code);

      expect(first.status).toBe(200);
      expect(again.status).toBe(409);
      expect(again.body.type).toBe(problem('invitation-used'));
      expect(again.body.invitedBy).toEqual({
        displayName: 'Dara (office)',
        organization: { id: 'org-a', name: 'Org org-a' },
      });
      expect(again.body.usedAt).toEqual(expect.any(String));
      expect(String(again.body.detail)).toContain('Ask Dara (office) (Org org-a)');
      expect(again.body).not.toHaveProperty('apiKey');
    });

    it('refuses an expired code, whether 15 minutes or a week was asked for', async () => {
      const person = await addPerson(t, world.admin, volunteer('Sopheap'));
      const short = await invite(t, world.admin, person.id);
      const week = await invite(t, world.admin, person.id, { expiresInMinutes: 7 * 24 * 60 });
      const started = clock;
      try {
        clock = started + 15 * 60_000;
        const shortExpired = await accept(t, short.code);
        clock = started + 7 * 86_400_000 + 1;
        const weekExpired = await accept(t, week.code);

        for (const refused of [shortExpired, weekExpired]) {
          expect(refused.status).toBe(410);
          expect(refused.body.type).toBe(problem('invitation-expired'));
          expect(refused.body.invitedBy).toMatchObject({ organization: { id: 'org-a' } });
        }
        expect(shortExpired.body.expiredAt).toBe(short.expiresAt);
      } finally {
        clock = started;
      }
    });

    it('refuses a withdrawn code, and every code of a revoked person, as revoked', async () => {
      const person = await addPerson(t, world.admin, volunteer('Thida'));
      const withdrawn = await invite(t, world.admin, person.id);
      const other = await invite(t, world.admin, person.id);
      const revokedInvitation = await call(
        t.app,
        'POST',
        `/v1/people/${person.id}/invitations/${withdrawn.id}/revoke`,
        { key: world.admin },
      );
      expect(revokedInvitation.body).toMatchObject({ status: 'revoked' });

      const ofWithdrawn = await accept(t, withdrawn.code);
      await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, { key: world.admin });
      const ofRevokedPerson = await accept(t, other.code);

      for (const refused of [ofWithdrawn, ofRevokedPerson]) {
        expect(refused.status).toBe(410);
        expect(refused.body.type).toBe(problem('invitation-revoked'));
        expect(refused.body.invitedBy).toMatchObject({ organization: { name: 'Org org-a' } });
      }
    });

    it('takes a retry of a lost answer only from the same attempt, within 10 minutes of the exchange', async () => {
      const person = await addPerson(t, world.admin, volunteer('Vuthy'));
      const { code } = await invite(t, world.admin, person.id);
      const attemptId = 'f3b0c442-98fc-4c1c-9a1e-000000000001';
      await accept(t, code, { attemptId });
      const started = clock;
      try {
        clock = started + 10 * 60_000 + 1_000;
        const late = await accept(t, code, { attemptId });

        expect(late.status).toBe(409);
        expect(late.body.type).toBe(problem('invitation-used'));
      } finally {
        clock = started;
      }
    });

    it('gives exactly one of 20 phones opening one link at once a key', async () => {
      const person = await addPerson(t, world.admin, volunteer('Chanthy'));
      const { code } = await invite(t, world.admin, person.id);

      const answers = await Promise.all(Array.from({ length: 20 }, () => accept(t, code)));

      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, ...Array.from({ length: 19 }, () => 409)]);
      expect(
        answers.filter((a) => a.status === 409).every((a) => a.body.type === problem('invitation-used')),
      ).toBe(true);
      const links = await queryPartition(t.table, `PERSON#${person.id}`, 'KEY#');
      expect(links).toHaveLength(1);
      const winner = answers.find((answer) => answer.status === 200);
      expect(links[0]?.keyId).toBe(winner?.body.keyId);
      const keys = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect(keys.body.keys).toHaveLength(1);
    });
  });

  describe('attempts per network', () => {
    it('refuses a source address past its attempts in a minute with 429 and Retry-After, and no other', async () => {
      const limited = await createTestApp({ table: t.table, env: { INVITATION_ACCEPTS_PER_MINUTE: '3' } });
      const person = await addPerson(t, world.admin, volunteer('Rotha'));
      const { code } = await invite(t, world.admin, person.id);
      const tryFrom = (address: string, body: Json = { code: 'not-a-code' }) =>
        call(limited.app, 'POST', '/v1/invitations/accept', { body, env: gatewayFrom(address) });

      const allowed = [
        await tryFrom('203.0.113.7'),
        await tryFrom('203.0.113.7'),
        await tryFrom('203.0.113.7'),
      ];
      const refused = await tryFrom('203.0.113.7', { code });
      const elsewhere = await tryFrom('198.51.100.200', { code });

      expect(allowed.map((a) => a.status)).toEqual([404, 404, 404]);
      expect(refused.status).toBe(429);
      expect(isProblem(refused)).toBe(true);
      expect(refused.body.type).toBe(problem('rate-limited'));
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(elsewhere.status).toBe(200);
    });

    it('counts an IPv6 client per /64, so walking through its own block does not help', async () => {
      const limited = await createTestApp({ table: t.table, env: { INVITATION_ACCEPTS_PER_MINUTE: '2' } });
      const tryFrom = (address: string) =>
        call(limited.app, 'POST', '/v1/invitations/accept', {
          body: { code: 'x' },
          env: gatewayFrom(address),
        });

      const first = await tryFrom('2001:db8:1:2::1');
      const second = await tryFrom('2001:db8:1:2:ffff::9');
      const sameBlock = await tryFrom('2001:0db8:0001:0002:1234:5678:9abc:def0');
      const nextBlock = await tryFrom('2001:db8:1:3::1');

      expect([first.status, second.status, sameBlock.status, nextBlock.status]).toEqual([404, 404, 429, 404]);
    });

    it('counts in the table under a keyed hash, never the address itself', async () => {
      const limited = await createTestApp({ table: t.table, env: { INVITATION_ACCEPTS_PER_MINUTE: '1' } });
      const address = '192.0.2.77';

      await call(limited.app, 'POST', '/v1/invitations/accept', {
        body: { code: 'x' },
        env: gatewayFrom(address),
      });
      const second = await call(limited.app, 'POST', '/v1/invitations/accept', {
        body: { code: 'x' },
        env: gatewayFrom(address),
      });

      expect(second.status).toBe(429);
      const logged = limited.rawLogs.join('\n');
      expect(logged).not.toContain(address);
      const counts = (
        await t.table.doc.send(
          new ScanCommand({
            TableName: t.table.tableName,
            FilterExpression: 'begins_with(pk, :rate)',
            ExpressionAttributeValues: { ':rate': 'RATE#invitation-accept#' },
          }),
        )
      ).Items;
      expect(counts?.length).toBeGreaterThan(0);
      expect(JSON.stringify(counts)).not.toContain(address);
      expect(JSON.stringify(counts)).not.toContain('192.0.2');
    });
  });

  describe('adding and changing people', () => {
    it('refuses a person without what their role needs, naming each field', async () => {
      const cases: Array<[Json, string]> = [
        [{ displayName: '', role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } }, 'body.displayName'],
        [
          { displayName: 'Sok\u202Eha', role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } },
          'body.displayName',
        ],
        [{ displayName: 'No scope', role: 'volunteer' }, 'body.scope.pickupPointIds'],
        [
          { displayName: 'Typo', role: 'volunteer', scope: { pickupPointIds: ['pp-zz'] } },
          'body.scope.pickupPointIds.0',
        ],
        [
          {
            displayName: 'Nowhere',
            role: 'logistics',
            scope: { shelterIds: ['shelter-a'] },
            orgId: 'org-zz',
          },
          'body.orgId',
        ],
        [
          { displayName: 'Phone', role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] }, phone: '012' },
          'body.phone',
        ],
      ];
      for (const [body, field] of cases) {
        const refused = await call(t.app, 'POST', '/v1/people', { key: world.admin, body });

        expect(refused.status, field).toBe(400);
        expect(
          (refused.body.errors as Array<{ field: string }>).map((e) => e.field),
          field,
        ).toContain(field);
      }
    });

    it('refuses an invitation that expires at once or after more than 7 days', async () => {
      const person = await addPerson(t, world.admin, volunteer('Davy'));
      for (const expiresInMinutes of [0, 7 * 24 * 60 + 1, 1.5]) {
        const refused = await call(t.app, 'POST', `/v1/people/${person.id}/invitations`, {
          key: world.admin,
          body: { expiresInMinutes },
        });

        expect(refused.status, String(expiresInMinutes)).toBe(400);
        expect((refused.body.errors as Array<{ field: string }>)[0]?.field).toBe('body.expiresInMinutes');
      }
    });

    it('keeps a revoked person as they were: no change, no invitation, revoking again changes nothing', async () => {
      const person = await addPerson(t, world.admin, volunteer('Srey'));
      const first = await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, { key: world.admin });

      const renamed = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
        key: world.admin,
        body: { displayName: 'Srey again' },
      });
      const invited = await call(t.app, 'POST', `/v1/people/${person.id}/invitations`, { key: world.admin });
      const again = await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, { key: world.coordinator });

      expect(renamed.status).toBe(409);
      expect(invited.status).toBe(409);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ revokedAt: first.body.revokedAt, revokedBy: first.body.revokedBy });
      expect((await readRecord(t.table, `PERSON#${person.id}`))?.displayName).toBe('Srey');
    });

    it('lets nobody revoke themselves, the key they use, or change their own role or scope', async () => {
      const me = await personWithKey(t, world.admin, { displayName: 'Vichet (admin)', role: 'admin' });

      const revoked = await call(t.app, 'POST', `/v1/people/${me.person.id}/revoke`, { key: me.apiKey });
      const ownKey = await call(t.app, 'POST', `/v1/people/${me.person.id}/keys/${me.keyId}/revoke`, {
        key: me.apiKey,
      });
      const demoted = await call(t.app, 'PATCH', `/v1/people/${me.person.id}`, {
        key: me.apiKey,
        body: { role: 'logistics', scope: { shelterIds: '*' } },
      });
      const renamed = await call(t.app, 'PATCH', `/v1/people/${me.person.id}`, {
        key: me.apiKey,
        body: { displayName: 'Vichet' },
      });

      expect(revoked.status).toBe(409);
      expect(ownKey.status).toBe(409);
      expect(demoted.status).toBe(409);
      expect(renamed.status).toBe(200);
    });

    it('asks a former admin given another role for an explicit scope', async () => {
      const person = await addPerson(t, world.admin, { displayName: 'Former admin', role: 'admin' });

      const refused = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
        key: world.admin,
        body: { role: 'coordinator' },
      });
      const done = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
        key: world.admin,
        body: { role: 'coordinator', scope: { shelterIds: ['shelter-a'] } },
      });

      expect(refused.status).toBe(400);
      expect((refused.body.errors as Array<{ field: string }>)[0]?.field).toBe('body.scope.shelterIds');
      expect(done.body).toMatchObject({ role: 'coordinator', scope: { shelterIds: ['shelter-a'] } });
    });

    it('answers a key that is not the person’s, or a machine key, as absent', async () => {
      const person = await personWithKey(t, world.admin, volunteer('Keo'));
      const other = await personWithKey(t, world.admin, volunteer('Nimol'));

      for (const keyId of [other.keyId, world.volunteer.split('_')[1], 'zzzzzzzzzzzzzzzz']) {
        const refused = await call(t.app, 'POST', `/v1/people/${person.person.id}/keys/${keyId}/revoke`, {
          key: world.admin,
        });
        expect(refused.status, keyId).toBe(404);
      }
      expect((await call(t.app, 'GET', '/v1/me', { key: other.apiKey })).status).toBe(200);
    });

    it('refuses to withdraw an invitation already used, or one of another person', async () => {
      const person = await addPerson(t, world.admin, volunteer('Heng'));
      const other = await addPerson(t, world.admin, volunteer('Ly'));
      const used = await invite(t, world.admin, person.id);
      await accept(t, used.code);
      const elsewhere = await invite(t, world.admin, other.id);

      const usedRefused = await call(t.app, 'POST', `/v1/people/${person.id}/invitations/${used.id}/revoke`, {
        key: world.admin,
      });
      const notTheirs = await call(
        t.app,
        'POST',
        `/v1/people/${person.id}/invitations/${elsewhere.id}/revoke`,
        {
          key: world.admin,
        },
      );

      expect(usedRefused.status).toBe(409);
      expect(notTheirs.status).toBe(404);
    });
  });
});
