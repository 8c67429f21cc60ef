import type { CountLineView, CountSessionView } from '../../shared/domain/count-session-view.js';
import { buildWorld, type World } from './fixtures.js';
import { type CallOptions, type CallResult, call } from './http.js';
import { accept, invite, personWithKey } from './people-fixtures.js';
import type { TestApp } from './test-app.js';
import { stockShelter } from './voucher-fixtures.js';

/**
 * The people of a count: Sokha counts (from her phone and her laptop: two keys, one person),
 * Dara is a second logistics lead at shelter A, and the world's logistics key is a machine key
 * (a script's). Shelter A holds 40 kg rice, 200 L water and 20 blankets.
 */
export interface CountWorld extends World {
  sokhaPhone: string;
  sokhaLaptop: string;
  sokhaId: string;
  dara: string;
  daraId: string;
}

export async function buildCountWorld(t: TestApp): Promise<CountWorld> {
  const world = await buildWorld(t);
  const lead = { role: 'logistics' as const, scope: { shelterIds: ['shelter-a'] } };
  const sokha = await personWithKey(t, world.admin, { displayName: 'Sokha', ...lead });
  const sokhaLaptop = await secondKey(t, world.admin, sokha.person.id);
  const dara = await personWithKey(t, world.admin, { displayName: 'Dara', ...lead });
  await stockShelter(t, world.logistics, 'shelter-a', [
    { itemId: 'rice', quantity: 40 },
    { itemId: 'water', quantity: 200 },
    { itemId: 'blanket', quantity: 20 },
  ]);
  return {
    ...world,
    sokhaPhone: sokha.apiKey,
    sokhaLaptop,
    sokhaId: sokha.person.id,
    dara: dara.apiKey,
    daraId: dara.person.id,
  };
}

/** Another device of a person: a second invitation, accepted from that device. */
async function secondKey(t: TestApp, adminKey: string, personId: string): Promise<string> {
  const { code } = await invite(t, adminKey, personId);
  const accepted = await accept(t, code, { label: 'laptop' });
  if (accepted.status !== 200) throw new Error(`second key: ${accepted.status} ${accepted.text}`);
  return accepted.body.apiKey;
}

type Session = CallResult<CountSessionView & Record<string, unknown>>;

export function startCount(
  t: TestApp,
  key: string,
  body: Record<string, unknown> = {},
  shelterId = 'shelter-a',
): Promise<Session> {
  return call(t.app, 'POST', `/v1/shelters/${shelterId}/count-sessions`, { key, body });
}

export async function started(
  t: TestApp,
  key: string,
  body: Record<string, unknown> = {},
): Promise<CountSessionView> {
  const result = await startCount(t, key, body);
  if (result.status !== 201) throw new Error(`start count: ${result.status} ${result.text}`);
  return result.body;
}

export function enter(
  t: TestApp,
  key: string,
  sessionId: string,
  itemId: string,
  body: Record<string, unknown>,
): Promise<CallResult<CountLineView & Record<string, unknown>>> {
  return call(t.app, 'PUT', `/v1/count-sessions/${sessionId}/lines/${itemId}`, { key, body });
}

/** Enters every line, failing loudly on a refusal. */
export async function count(t: TestApp, key: string, sessionId: string, counted: Record<string, number>) {
  for (const [itemId, value] of Object.entries(counted)) {
    const result = await enter(t, key, sessionId, itemId, { counted: value });
    if (result.status !== 200) throw new Error(`count ${itemId}: ${result.status} ${result.text}`);
  }
}

export function step(
  t: TestApp,
  key: string,
  sessionId: string,
  action: 'submit' | 'approve' | 'reject' | 'cancel',
  options: Omit<CallOptions, 'key'> = {},
): Promise<Session> {
  return call(t.app, 'POST', `/v1/count-sessions/${sessionId}/${action}`, { key, ...options });
}

export function reason(t: TestApp, key: string, sessionId: string, itemId: string, text: string) {
  return call<CountLineView & Record<string, unknown>>(
    t.app,
    'PUT',
    `/v1/count-sessions/${sessionId}/lines/${itemId}/reason`,
    {
      key,
      body: { reason: text },
    },
  );
}

export function readSession(t: TestApp, key: string, sessionId: string): Promise<Session> {
  return call(t.app, 'GET', `/v1/count-sessions/${sessionId}`, { key });
}

/** Every property name anywhere in a JSON answer: what a blind read must not contain. */
export function propertyNames(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const entry of value) propertyNames(entry, found);
  else if (value !== null && typeof value === 'object') {
    for (const [name, entry] of Object.entries(value)) {
      found.add(name);
      propertyNames(entry, found);
    }
  }
  return found;
}

/** The figures from the books a blind session in progress must never show. */
export const BOOK_FIGURES = [
  'recorded',
  'difference',
  'allowed',
  'needsApproval',
  'onHand',
  'onHandAtEntry',
  'balanceAfter',
  'posted',
];
