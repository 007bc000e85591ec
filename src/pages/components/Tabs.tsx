// Tabs as the WAI-ARIA Authoring Practices "Tabs" pattern describes them
// (w3.org/WAI/ARIA/apg/patterns/tabs/): a tablist of tabs, one tab stop (the selected tab; the
// others have tabindex -1), Left/Right arrows move between tabs and wrap, Home/End go to the first
// and last, and a tab is selected as it receives focus (automatic activation: each panel is already
// loaded). Every panel has focusable controls near its start, so none takes a tabindex of its own. Panels stay mounted while hidden, so unsaved edits in one survive a look at the other.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

interface Tab {
  id: string;
  label: string;
  panel: ComponentChildren;
}

export function Tabs({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: Tab[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const list = useRef<HTMLDivElement>(null);

  function move(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tab = tabs[to];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  }

  return (
    <>
      <div role="tablist" aria-label={label} class="tabs" ref={list} onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            class="tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== selected}
          class="tabpanel"
        >
          {tab.panel}
        </div>
      ))}
    </>
  );
}
