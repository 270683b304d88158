import { useEffect, useState } from 'preact/hooks';

/** The order a notification opened the page for: `#order-<id>` (lib/alerts/show.ts orderTarget). */
export function orderTargetOf(hash: string): number | undefined {
  const id = /^#order-(\d{1,15})$/.exec(hash)?.[1];
  return id === undefined ? undefined : Number(id);
}

/** The page's target order, following the hash when a notification sends an open page to another one. */
export function useOrderTarget(): number | undefined {
  const [target, setTarget] = useState(() => orderTargetOf(location.hash));
  useEffect(() => {
    const follow = () => setTarget(orderTargetOf(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return target;
}
