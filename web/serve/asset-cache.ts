import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The one cache of everything the web routes send: files, pages filled from templates, the slip
 * style sheet. Each is made once per instance, compressed once per encoding, then kept in memory.
 */
export type Encoding = 'br' | 'gzip' | 'identity';

export interface Content {
  body: Uint8Array;
  contentType: string;
}

export interface EncodedAsset extends Content {
  encoding: Encoding;
  /** Strong ETag of this representation: the content hash plus the encoding. */
  etag: string;
}

/** Above this, brotli's top qualities cost seconds (a 1.7 MB script: 2.8 s at 10, 0.1 s at 5, for 10% more bytes). */
const LARGE_BYTES = 512 * 1024;

const compressors: Record<Exclude<Encoding, 'identity'>, (raw: Uint8Array) => Promise<Uint8Array>> = {
  // Quality 10: jsQR in ~170 ms, once per instance, to 35 KB (gzip: 57 KB). 11 saves 2 KB for 3x the time.
  br: (raw) =>
    promisify(brotliCompress)(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: raw.length > LARGE_BYTES ? 5 : 10 },
    }),
  gzip: (raw) => promisify(gzip)(raw, { level: 9 }),
};

interface Made extends Content {
  /** Of the content itself, so that an unchanged file keeps its ETag across instances and deploys. */
  hash: string;
}

const made = new Map<string, Promise<Made>>();
const encoded = new Map<string, Promise<EncodedAsset>>();

/** A failed load is not cached: the next request tries again. */
function remember<V>(cache: Map<string, Promise<V>>, key: string, load: () => Promise<V>): Promise<V> {
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = load();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** The content under `key`, made by `make` the first time it is asked for. */
export function cached(key: string, make: () => Promise<Content>): Promise<Made> {
  return remember(made, key, async () => {
    const content = await make();
    return { ...content, hash: createHash('sha256').update(content.body).digest('base64url').slice(0, 22) };
  });
}

/** The same, in one encoding, with its ETag. */
export function cachedEncoded(
  key: string,
  encoding: Encoding,
  make: () => Promise<Content>,
): Promise<EncodedAsset> {
  return remember(encoded, `${key}:${encoding}`, async () => {
    const content = await cached(key, make);
    return {
      body: encoding === 'identity' ? content.body : await compressors[encoding](content.body),
      contentType: content.contentType,
      encoding,
      etag: `"${content.hash}-${encoding}"`,
    };
  });
}

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q === undefined || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([token]) => token?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}
