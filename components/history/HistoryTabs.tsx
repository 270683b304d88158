import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import './history.css';

export interface HistoryTab<Id extends string> {
  id: Id;
  label: string;
  /** Made the first time its tab is selected, then kept (hidden) so its state survives a switch. */
  panel: () => ComponentChildren;
}

type Props<Id extends string> = {
  /** Prefix of the tabs' and panels' element ids. */
  idBase: string;
  label: string;
  tabs: readonly HistoryTab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
};

/**
 * Tabs after the WAI-ARIA pattern: arrow keys, Home and End move between tabs and select them; each
 * panel is named by its tab and is a tab stop. Unlike the pattern's roving tabindex, every tab is a
 * Tab stop too: the settings page keeps every control reachable with Tab alone (its keyboard check,
 * tests/support/accessibility-checks.ts), and two tabs cost one extra stop.
 */
export function HistoryTabs<Id extends string>({ idBase, label, tabs, selected, onSelect }: Props<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState<ReadonlySet<Id>>(() => new Set([selected]));
  if (!opened.has(selected)) setOpened(new Set([...opened, selected]));

  function onKeyDown(event: KeyboardEvent) {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    const tab = to === undefined ? undefined : tabs[to];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${idBase}-tab-${tab.id}`)?.focus();
  }

  return (
    <>
      <div class="history-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${idBase}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idBase}-panel-${tab.id}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          class="stack"
          role="tabpanel"
          id={`${idBase}-panel-${tab.id}`}
          aria-labelledby={`${idBase}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes the panel a tab stop.
          tabIndex={0}
        >
          {opened.has(tab.id) || tab.id === selected ? tab.panel() : null}
        </div>
      ))}
    </>
  );
}
