/**
 * A zod schema built on its first use instead of at module load. The deployed build
 * (scripts/lib/lean-sources.ts) wraps each schema a module declares at its top level in this,
 * so a cold start builds only the schemas it uses: zod 4 runs a constructor per schema and per
 * step of a chain (`z.string().min(1).max(60)` is three), which at load was the largest part of
 * the API's init time. Tests and `npm start` run the sources unchanged.
 *
 * The stand-in forwards every operation to the schema, built once on the first one: reading a
 * member (`safeParse`, `_zod`, `shape`), `in`, `instanceof` (zod's classes test `_zod`), spreading.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(real()),
    // The stand-in's own (empty, extensible) target must not contradict what is reported: a
    // property absent from it may be reported only as configurable.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
