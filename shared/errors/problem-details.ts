/**
 * RFC 9457 problem details, built from our error codes. Used by the HTTP error handler and by
 * batch operations that report a problem per row.
 */
import { problemTypeOf } from '../rules/problem-type.js';
import type { ErrorCode } from './app-errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

interface ProblemShape {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;
  title: string;
}

/** The single place error codes meet HTTP. A code missing here fails to compile. */
export function problemShape(code: ErrorCode): ProblemShape {
  switch (code) {
    case 'validation':
      return { status: 400, title: 'Invalid request' };
    case 'invalid-cursor':
      return { status: 400, title: 'Invalid cursor' };
    case 'idempotency-key-required':
      return { status: 400, title: 'Idempotency-Key required' };
    case 'malformed-json':
      return { status: 400, title: 'Malformed JSON' };
    case 'invalid-encoding':
      return { status: 400, title: 'Unreadable text encoding' };
    case 'unauthenticated':
      return { status: 401, title: 'Unauthenticated' };
    case 'forbidden':
      return { status: 403, title: 'Forbidden' };
    case 'not-found':
      return { status: 404, title: 'Not found' };
    case 'method-not-allowed':
      return { status: 405, title: 'Method not allowed' };
    case 'conflict':
      return { status: 409, title: 'Conflict' };
    case 'insufficient-stock':
      return { status: 409, title: 'Insufficient stock' };
    case 'idempotency-in-flight':
      return { status: 409, title: 'Request with this Idempotency-Key is still in progress' };
    case 'payload-too-large':
      return { status: 413, title: 'Payload too large' };
    case 'unsupported-media-type':
      return { status: 415, title: 'Unsupported media type' };
    case 'idempotency-key-reused':
      return { status: 422, title: 'Idempotency-Key reused with a different request' };
    case 'unprocessable':
      return { status: 422, title: 'Unprocessable request' };
    case 'rate-limited':
      return { status: 429, title: 'Too many requests' };
    case 'unavailable':
      return { status: 503, title: 'Service temporarily unavailable' };
    case 'internal':
      return { status: 500, title: 'Internal server error' };
    case 'voucher-unreadable':
      return { status: 422, title: 'Voucher code could not be read' };
    case 'voucher-forged':
      return { status: 422, title: 'Voucher not issued by Supplyline' };
    case 'voucher-tampered':
      return { status: 422, title: 'Voucher altered after issue' };
    case 'voucher-code-invalid':
      return { status: 422, title: 'Voucher code mistyped' };
    case 'voucher-not-found':
      return { status: 404, title: 'Voucher not found' };
    case 'voucher-already-redeemed':
      return { status: 409, title: 'Voucher already redeemed' };
    case 'voucher-void':
      return { status: 409, title: 'Voucher cancelled' };
    case 'voucher-expired':
      return { status: 409, title: 'Voucher expired' };
    case 'voucher-not-yet-valid':
      return { status: 409, title: 'Voucher not yet valid' };
    case 'voucher-wrong-shelter':
      return { status: 422, title: 'Voucher belongs to another shelter' };
    case 'voucher-held-by-device':
      return { status: 409, title: 'Voucher held by another device' };
    case 'invitation-invalid':
      return { status: 404, title: 'Invitation not recognised' };
    case 'invitation-expired':
      return { status: 410, title: 'Invitation expired' };
    case 'invitation-used':
      return { status: 409, title: 'Invitation already used' };
    case 'invitation-revoked':
      return { status: 410, title: 'Invitation revoked' };
    case 'count-incomplete':
      return { status: 409, title: 'Count not finished' };
    case 'count-reasons-missing':
      return { status: 409, title: 'Differences need a reason' };
    case 'count-needs-second-person':
      return { status: 403, title: 'A second person must approve this count' };
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP mapping for error code ${String(unhandled)}`);
    }
  }
}

export function problemType(code: ErrorCode): string {
  return problemTypeOf(code);
}

const standardMembers = new Set(['type', 'title', 'status', 'detail', 'requestId', 'instance']);

export function buildProblem(
  code: ErrorCode,
  detail: string,
  requestId: string,
  extra: Record<string, unknown> = {},
): Problem {
  const { status, title } = problemShape(code);
  // Extension members follow the standard ones and can never replace them.
  const extensions = Object.fromEntries(Object.entries(extra).filter(([name]) => !standardMembers.has(name)));
  return { type: problemType(code), title, status, detail, requestId, ...extensions };
}
