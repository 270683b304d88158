import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { type QuarantinedTemplate, readQuarantine, readTemplates, type Template } from '@/lib/templates';

/** The stored templates and the ones kept aside, read again after every change. */
export function useTemplates() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [quarantine, setQuarantine] = useState<QuarantinedTemplate[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const read = await readTemplates();
      setTemplates(read.templates);
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

  return { templates, quarantine, error, reload };
}
