/**
 * A schema built the first time it is used, not when its module is evaluated.
 *
 * Building a zod schema is work (every object, union and check is constructed and its methods set
 * up), and the background's service worker evaluates every module it bundles each time it starts,
 * before it can answer the message that woke it: with some hundred schemas built up front, a stopped
 * worker took three times as long as a blank one to answer its first message (`npm run bench`).
 * Wrapped, a module costs nothing until one of its schemas parses something.
 *
 * `lazySchema(() => z.object({ ... }))` has the type of the schema it builds and behaves as that
 * schema: every property read, call and check goes to the schema, built once on the first of them.
 * It also works for anything else built from schemas at module level (an object of fields spread
 * into others, say). Schemas that use it compose as usual: one inside another is built when the
 * outer one is.
 *
 * Marked free of side effects for the bundler: a module's schemas that a page never uses are left
 * out of its chunk, and zod with them when none is used.
 */
/*#__NO_SIDE_EFFECTS__*/
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const target = (): T => {
    built ??= build();
    return built;
  };
  // The proxy's own target is an empty object that never holds anything, so no Proxy invariant ties
  // what the traps report to it; every trap answers from the built value.
  return new Proxy({} as T, {
    get: (_, key) => {
      const value = Reflect.get(target(), key);
      // Methods run on the built value itself (zod's methods read private fields through `this`).
      return typeof value === 'function' ? value.bind(target()) : value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // Reported as configurable: the empty target has no such property, which a Proxy may only
      // report as configurable. Spreading and Object.entries read the value, which is unchanged.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
  });
}
