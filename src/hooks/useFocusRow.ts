import { KeyboardEvent, RefObject, useCallback, useEffect, useRef } from 'react';

/** Frames to wait for a windowed row to be drawn after its table scrolled to it. */
const MAX_FRAMES = 10;

/**
 * Moves keyboard focus to the row named `name` inside `container` each time `focusKey` changes
 * (a finding's subject was chosen), so a keyboard user lands on the row the finding is about. A
 * windowed row may appear a frame or two after the scroll that brings it in: a few frames are
 * waited for it, no more.
 */
export function useFocusRow(
  container: RefObject<HTMLElement | null>,
  name: string | undefined,
  focusKey: number | undefined
) {
  useEffect(() => {
    if (name === undefined || focusKey === undefined) {
      return;
    }
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const rows = container.current?.querySelectorAll<HTMLElement>('[data-row-name]') ?? [];
      const row = Array.from(rows).find((el) => el.dataset.rowName === name);
      if (row) {
        row.focus();
      } else if (++frames < MAX_FRAMES) {
        handle = requestAnimationFrame(attempt);
      }
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [container, name, focusKey]);
}

/** What a table needs to take the keyboard from a finding and give it back. */
export interface RowFocus {
  /** The row a finding chose. */
  highlight?: string;
  /** Changes each time a finding chose `highlight`: its row takes the focus. */
  focusKey?: number;
  /** Escape on a row: back to where the keyboard came from. */
  onReturn?: () => void;
}

/** The table's ref (for useFocusRow) and the key handler of its rows. */
export function useRowFocus<T extends HTMLElement>({ highlight, focusKey, onReturn }: RowFocus) {
  const containerRef = useRef<T>(null);
  useFocusRow(containerRef, highlight, focusKey);
  const onRowKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key === 'Escape' && onReturn) {
        e.stopPropagation();
        onReturn();
      }
    },
    [onReturn]
  );
  return { containerRef, onRowKeyDown };
}
