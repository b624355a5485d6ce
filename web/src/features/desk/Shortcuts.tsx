/** The queue's keyboard shortcuts: the list on the page, and the same list as a dialog on `?`. */
import { useEffect, useRef } from 'react';

const SHORTCUTS: readonly (readonly [keys: readonly string[], what: string])[] = [
  [['j'], 'Select the next case'],
  [['k'], 'Select the previous case'],
  [['Enter'], 'Open the selected case'],
  [['/'], 'Search cases'],
  [['?'], 'Show or hide this help'],
  [['Esc'], 'Close the help, or leave a field'],
];

export function ShortcutList() {
  return (
    <dl className="shortcut-list">
      {SHORTCUTS.map(([keys, what]) => (
        <div key={what}>
          <dt>
            {keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div
      ref={box}
      className="shortcut-dialog panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="shortcut-dialog-title"
      tabIndex={-1}
    >
      <h2 id="shortcut-dialog-title">Keyboard shortcuts</h2>
      <ShortcutList />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
