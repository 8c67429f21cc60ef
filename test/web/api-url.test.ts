import { describe, expect, it } from 'vitest';
import { urlFor } from '../../web/common/api.js';

describe('the URL of a page’s API call (web/common/api.js urlFor)', () => {
  it('fills each path parameter of the template, encoded', () => {
    expect(urlFor('/v1/devices/{id}/pack', { id: 'dev 1/ä' })).toBe('/v1/devices/dev%201%2F%C3%A4/pack');
  });

  it('writes the query’s defined members after ?, encoded, and leaves out undefined ones', () => {
    expect(
      urlFor('/v1/shelters/{id}/movements', { id: 'pp' }, { order: 'desc', limit: 20, cursor: undefined }),
    ).toBe('/v1/shelters/pp/movements?order=desc&limit=20');
    expect(urlFor('/v1/devices/{id}/pack', { id: 'd' }, { since: '2026-01-01T00:00:00.000Z#1' })).toBe(
      '/v1/devices/d/pack?since=2026-01-01T00%3A00%3A00.000Z%231',
    );
    expect(urlFor('/v1/me', {}, { since: undefined })).toBe('/v1/me');
  });

  it('refuses a template whose parameter was not given, rather than calling a wrong path', () => {
    expect(() => urlFor('/v1/devices/{id}/pack', {})).toThrow('/v1/devices/{id}/pack needs id');
  });
});
