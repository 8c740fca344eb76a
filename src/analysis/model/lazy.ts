/**
 * Report properties built when first read. A large cluster's report holds rows nobody may look at
 * (100,000 topic-broker rows, a thousand brokers' step series): building them all took a tenth of
 * an analysis. The property is enumerable from the start and an ordinary value once read, so
 * spreads, JSON and structured clones see it like any other.
 */
export function whenRead<T extends object, K extends keyof T>(target: T, key: K, build: () => T[K]): T {
  const settle = (into: T, value: T[K]) => {
    Object.defineProperty(into, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: T) {
      return settle(this, build());
    },
    set(this: T, value: T[K]) {
      settle(this, value);
    },
  });
  return target;
}

/** A copy of `source` with `extra` on top, its not-yet-read properties still not read. */
export function copyWith<T extends object>(source: T, extra: Partial<T>): T {
  return Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(source)) as T, extra);
}
