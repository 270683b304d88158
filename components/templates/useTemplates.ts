import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { onPolicyChange } from '@/lib/policy/managed';
import { type QuarantinedTemplate, readQuarantine, readTemplates, type Template } from '@/lib/templates';

/** What the organization's policy does to the list (lib/policy/templates.ts). */
export interface ListPolicy {
  organizationIds: ReadonlySet<string>;
  hiddenPersonal: number;
  personalAllowed: boolean;
}

const NO_POLICY: ListPolicy = { organizationIds: new Set(), hiddenPersonal: 0, personalAllowed: true };

/**
 * The templates in use (the person's own and the organization's) and the ones kept aside, read again
 * after every change, and whenever the organization's policy changes.
 */
export function useTemplates() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [quarantine, setQuarantine] = useState<QuarantinedTemplate[]>([]);
  const [policy, setPolicy] = useState<ListPolicy>(NO_POLICY);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const read = await readTemplates();
      setTemplates(read.templates);
      setPolicy({
        organizationIds: new Set(read.organizationIds),
        hiddenPersonal: read.hiddenPersonal,
        personalAllowed: read.personalAllowed,
      });
      setQuarantine(await readQuarantine());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  // Read as soon as the section is on the page, not after a first paint: the list is the first screen.
  useLayoutEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => onPolicyChange(() => void reload()), [reload]);

  return { templates, quarantine, policy, error, reload };
}
