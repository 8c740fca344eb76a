import { UIEvent, useCallback, useRef, useState } from 'react';

/** Rows drawn above and below the visible ones, so a quick scroll never shows a blank band. */
const OVERSCAN = 8;

export interface WindowedRows {
  /** Whether only a window of the rows is drawn. */
  windowed: boolean;
  /** First and one-past-last row drawn. */
  start: number;
  end: number;
  /** Heights of the spacers standing in for the rows above and below the window. */
  before: number;
  after: number;
  onScroll: (e: UIEvent<HTMLElement>) => void;
  scrollerRef: React.RefObject<HTMLDivElement>;
  /** Brings a row into view when it is outside it. */
  reveal: (index: number) => void;
}

/**
 * Windowing for a real <table> (react-window draws divs, and the broker table keeps table
 * semantics for screen readers): above `threshold` rows, only the rows in view of the scroller
 * (plus a few) are drawn, between two spacer rows of the height of the rest. Rows must be of
 * `rowHeight` px.
 */
export function useWindowedRows(count: number, rowHeight: number, viewport: number, threshold: number): WindowedRows {
  const [scrollTop, setScrollTop] = useState(0);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const windowed = count > threshold;
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const reveal = useCallback(
    (index: number) => {
      const el = scrollerRef.current;
      if (!el || !windowed) {
        return;
      }
      const top = index * rowHeight;
      // The sticky header covers one row at the top of the scroller.
      if (top < el.scrollTop || top + 2 * rowHeight > el.scrollTop + viewport) {
        el.scrollTop = Math.max(0, top - viewport / 2);
        setScrollTop(el.scrollTop);
      }
    },
    [rowHeight, viewport, windowed]
  );
  if (!windowed) {
    return { windowed, start: 0, end: count, before: 0, after: 0, onScroll, scrollerRef, reveal };
  }
  const first = Math.floor(scrollTop / rowHeight);
  const start = Math.max(0, Math.min(count, first - OVERSCAN));
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + OVERSCAN);
  return {
    windowed,
    start,
    end,
    before: start * rowHeight,
    after: (count - end) * rowHeight,
    onScroll,
    scrollerRef,
    reveal,
  };
}
