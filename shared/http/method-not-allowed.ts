import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';

interface RoutePattern {
  method: string;
  pattern: RegExp;
}

/** Turns `/v1/vouchers/:id` into a regular expression matching one concrete path. */
function compile(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  // Exact match: Hono routes strictly, so `/v1/stock/` is a different (unknown) path, a 404.
  return new RegExp(`^${escaped}$`);
}

/**
 * Hono answers an unmatched method with its not-found handler. To give 405 with an `Allow`
 * header instead, we keep the registered routes (middleware is registered as ALL, so it is left
 * out) and ask which methods the path would have matched.
 */
export function allowedMethodsFinder(app: Hono<AppEnv>): (path: string) => string[] {
  let patterns: RoutePattern[] | undefined;
  return (path) => {
    patterns ??= app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ method: route.method, pattern: compile(route.path) }));
    const methods = new Set(
      patterns.filter((route) => route.pattern.test(path)).map((route) => route.method),
    );
    return [...methods].sort();
  };
}
