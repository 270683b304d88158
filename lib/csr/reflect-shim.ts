// @peculiar/x509 registers its algorithms with tsyringe, which throws "tsyringe requires a reflect
// polyfill" at load unless Reflect.getMetadata exists. reflect-metadata is not a dependency and is
// large; tsyringe only calls defineMetadata, getOwnMetadata and getMetadata, so a WeakMap-backed
// stand-in suffices (same approach as tests/sandbox/reflect-shim.ts, kept separate because lib/ must
// not import from tests/). It leaves a real polyfill alone if one is already installed.
// load.ts imports this module, and awaits it, before importing @peculiar/x509.
const store = new WeakMap<object, Map<unknown, unknown>>();
const R = Reflect as unknown as Record<string, unknown>;

if (typeof R.getMetadata !== 'function') {
  R.defineMetadata = (key: unknown, value: unknown, target: object) => {
    let own = store.get(target);
    if (!own) {
      own = new Map();
      store.set(target, own);
    }
    own.set(key, value);
  };
  R.getOwnMetadata = (key: unknown, target: object) => store.get(target)?.get(key);
  // Like reflect-metadata: look along the prototype chain.
  R.getMetadata = (key: unknown, target: object) => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const own = store.get(t);
      if (own?.has(key)) return own.get(key);
    }
    return undefined;
  };
}

export {};
