import { RefObject, useEffect } from 'react';

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
