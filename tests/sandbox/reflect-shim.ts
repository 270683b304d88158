// @peculiar/x509 uses tsyringe, which refuses to load without a Reflect metadata API
// ("tsyringe requires a reflect polyfill"). reflect-metadata is not installed, and only these three
// calls are used (tsyringe/dist/*/reflection-helpers.js), so a tiny WeakMap-backed stand-in suffices.
// Import this module before anything that imports @peculiar/x509.
type MetaStore = WeakMap<object, Map<unknown, unknown>>;
const store: MetaStore = new WeakMap();
const R = Reflect as unknown as Record<string, unknown>;

function own(target: object): Map<unknown, unknown> {
  let m = store.get(target);
  if (!m) {
    m = new Map();
    store.set(target, m);
  }
  return m;
}

if (typeof R.getMetadata !== 'function') {
  R.defineMetadata = (key: unknown, value: unknown, target: object) => {
    own(target).set(key, value);
  };
  R.getOwnMetadata = (key: unknown, target: object) => store.get(target)?.get(key);
  R.getMetadata = (key: unknown, target: object) => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const m = store.get(t);
      if (m?.has(key)) return m.get(key);
    }
    return undefined;
  };
}

export {};
