import { useEffect, useState } from 'preact/hooks';
import { onPolicyChange } from '@/lib/policy/managed';
import type { PolicyState } from '@/lib/policy/model';
import { readPolicy } from '@/lib/policy/read';

/** The organization's policy, read again whenever the browser reloads it; null until first read. */
export function usePolicy(): PolicyState | null {
  const [state, setState] = useState<PolicyState | null>(null);
  useEffect(() => {
    let current = true;
    const read = () => void readPolicy().then((s) => current && setState(s));
    read();
    const stop = onPolicyChange(read);
    return () => {
      current = false;
      stop();
    };
  }, []);
  return state;
}
