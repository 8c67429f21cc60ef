import { describe, expect, it } from 'vitest';
import { checkRequestedScope } from '../../shared/domain/api-key.js';

const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);

describe('the scope a new key must name', () => {
  it('asks a volunteer for its pickup points and nothing else', () => {
    expect(fields(checkRequestedScope('volunteer', undefined))).toEqual(['scope.pickupPointIds']);
    expect(fields(checkRequestedScope('volunteer', { shelterIds: '*' }))).toEqual(['scope.pickupPointIds']);
    expect(checkRequestedScope('volunteer', { pickupPointIds: ['pp-a1'] })).toEqual([]);
    expect(checkRequestedScope('volunteer', { pickupPointIds: '*' })).toEqual([]);
  });

  it('asks a coordinator or logistics key for its shelters', () => {
    for (const role of ['coordinator', 'logistics'] as const) {
      expect(fields(checkRequestedScope(role, { pickupPointIds: '*' }))).toEqual(['scope.shelterIds']);
      expect(checkRequestedScope(role, { shelterIds: ['shelter-a'] })).toEqual([]);
    }
  });

  it('takes an empty list as no answer: a key that reaches nothing is a mistake', () => {
    expect(fields(checkRequestedScope('logistics', { shelterIds: [] }))).toEqual(['scope.shelterIds']);
  });

  it('says what to send, "*" included', () => {
    const [error] = checkRequestedScope('volunteer', undefined);
    expect(error?.message).toMatch(/pickup points .*"\*"/);
  });

  it('refuses a scope on an admin key, and needs none', () => {
    expect(checkRequestedScope('admin', undefined)).toEqual([]);
    expect(fields(checkRequestedScope('admin', { shelterIds: '*' }))).toEqual(['scope']);
  });
});
