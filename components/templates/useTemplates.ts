import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { readManagedForDisplay } from '@/lib/policy/display';
import { onPolicyChange } from '@/lib/policy/managed';
import type { QuarantinedTemplate, Template } from '@/lib/templates';

/** What the organization's policy does to the list (lib/policy/templates.ts). */
export interface ListPolicy {
  organizationIds: ReadonlySet<string>;
  hiddenPersonal: number;
  personalAllowed: boolean;
}

const NO_POLICY: ListPolicy = { organizationIds: new Set(), hiddenPersonal: 0, personalAllowed: true };

export type ListKit = typeof import('./list-kit');

/**
 * The templates in use (the person's own and the organization's) and the ones kept aside, read once
 * `start` is true, again after every change, and whenever the organization's policy changes; with
 * them the code that acts on them (list-kit.ts). Until then `templates` is null and the list shows
 * the light read of its rows.
 */
export function useTemplates(start: boolean) {
  const [kit, setKit] = useState<ListKit | null>(null);
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [quarantine, setQuarantine] = useState<QuarantinedTemplate[]>([]);
  const [policy, setPolicy] = useState<ListPolicy>(NO_POLICY);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    let loaded: ListKit | undefined;
    try {
      // Shown with the policy last seen while a starting browser has not answered for it; what is
      // saved or ordered from the list is checked against the browser's own answer.
      const [kitModule, shownPolicy] = await Promise.all([import('./list-kit'), readManagedForDisplay()]);
      loaded = kitModule;
      const read = await loaded.readTemplates(shownPolicy);
      setKit(loaded);
      setTemplates(read.templates);
      setPolicy({
        organizationIds: new Set(read.organizationIds),
        hiddenPersonal: read.hiddenPersonal,
        personalAllowed: read.personalAllowed,
      });
      setQuarantine(await loaded.readQuarantine());
      setError(null);
    } catch (e) {
      // A list that could not be read still offers what does not need it (a new template, import).
      if (loaded) setKit(loaded);
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  // Read as soon as asked, not after a paint: the rows' actions wait for it.
  useLayoutEffect(() => {
    if (!start) return;
    void reload();
    return onPolicyChange(() => void reload());
  }, [start, reload]);

  return { kit, templates, quarantine, policy, error, reload };
}
