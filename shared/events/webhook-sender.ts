import { lookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from '../domain/public-address.js';
import type { DeliveryAttempt } from '../domain/webhook.js';
import { signWebhook } from '../domain/webhook-signature.js';
import type { WebhookUrlPolicy } from '../domain/webhook-url.js';

/** What one delivery attempt needs: where, with which secrets (newest first), and the exact bytes. */
export interface WebhookMessage {
  url: string;
  /** One while the subscription has one; the newest and those being rotated out during an overlap. */
  secrets: readonly [string, ...string[]];
  eventId: string;
  payload: string;
}

/** An attempt's outcome: delivered only on a 2xx answer. */
export interface SendOutcome {
  delivered: boolean;
  attempt: DeliveryAttempt;
  /** One line for the subscription's `lastError` when not delivered. */
  error?: string;
}

export type WebhookSender = (message: WebhookMessage, now: Date) => Promise<SendOutcome>;

const TIMEOUT_MS = 5_000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/** Whether the policy lets a webhook for `hostname` connect to `address`. */
function mayConnect(policy: WebhookUrlPolicy, hostname: string, address: string): boolean {
  return (policy === 'local-development' && LOCAL_HOSTS.has(hostname)) || isPublicAddress(address);
}

const notPublicError = (hostname: string, how: 'is' | 'resolves to') =>
  Object.assign(new Error(`${hostname} ${how} a private, loopback or link-local address`), {
    code: 'EADDRNOTPUBLIC',
  });

/**
 * Resolves a receiver's host and refuses any address that is not public, at connection time:
 * the address checked is the address connected to, so a DNS answer that changed since the
 * subscription was checked (DNS rebinding) cannot turn a webhook against the network behind us.
 * Node connects to an address written in the URL without a lookup: `send` checks those itself.
 */
function checkedLookup(policy: WebhookUrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const allowed = addresses.filter((entry) => mayConnect(policy, hostname, entry.address));
      const chosen = allowed[0];
      if (chosen === undefined || allowed.length !== addresses.length) {
        return callback(notPublicError(hostname, 'resolves to'), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof allowed) => void)(null, allowed);
      callback(null, chosen.address, chosen.family);
    });
  };
}

/**
 * Sends signed webhooks over HTTP(S): one POST per attempt, signed per Standard Webhooks, a 5 s
 * timeout, redirects not followed (a redirect could point anywhere), the answer's body read and
 * dropped. Never throws: every outcome is an attempt to record.
 */
export function createWebhookSender(policy: WebhookUrlPolicy): WebhookSender {
  const lookupFn = checkedLookup(policy);
  return (message, now) =>
    new Promise<SendOutcome>((resolve) => {
      const started = performance.now();
      const finish = (outcome: { responseStatus?: number; error?: string }) => {
        const latencyMs = Math.round(performance.now() - started);
        const delivered =
          outcome.responseStatus !== undefined &&
          outcome.responseStatus >= 200 &&
          outcome.responseStatus < 300;
        const attempt: DeliveryAttempt = { at: now.toISOString(), latencyMs, ...outcome };
        const error = delivered
          ? undefined
          : (outcome.error ?? `the receiver answered HTTP ${outcome.responseStatus}`);
        resolve({ delivered, attempt, ...(error === undefined ? {} : { error }) });
      };
      let url: URL;
      try {
        url = new URL(message.url);
      } catch {
        return finish({ error: 'the subscription URL is not a URL' });
      }
      const headers = {
        ...signWebhook(message.secrets, message.eventId, now, message.payload),
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(message.payload)),
        'user-agent': 'Supplyline-Webhooks/1',
      };
      // An address in the URL (`[::ffff:127.0.0.1]`) is connected to as it is, never looked up.
      const literal = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      if (isIP(literal) !== 0 && !mayConnect(policy, literal, literal)) {
        return finish({ error: notPublicError(url.hostname, 'is').message });
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'POST', headers, lookup: lookupFn, timeout: TIMEOUT_MS }, (res) => {
        res.resume();
        res.on('end', () => finish({ responseStatus: res.statusCode ?? 0 }));
        res.on('error', () => finish({ responseStatus: res.statusCode ?? 0 }));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', (err) => finish({ error: err.message.slice(0, 200) }));
      req.end(message.payload);
    });
}
