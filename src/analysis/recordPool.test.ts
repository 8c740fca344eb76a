import { RecordPool } from './recordPool';
import { beginAnalysis, releaseShapes } from './shapes';

interface Box {
  held: object | undefined;
  n: number;
}

function boxes(): RecordPool<Box> {
  return new RecordPool<Box>(
    () => ({ held: undefined, n: 0 }),
    (b) => {
      b.held = undefined;
    }
  );
}

/** Takes `count` records within one analysis and fills them; returns them, still in use. */
function takeWithin(pool: RecordPool<Box>, count: number): Box[] {
  beginAnalysis();
  return Array.from({ length: count }, (_, n) => {
    const b = pool.take();
    b.held = { n };
    b.n = n;
    return b;
  });
}

describe('RecordPool', () => {
  afterEach(() => releaseShapes());

  it('hands out the same records call after call, emptied in between', () => {
    const pool = boxes();
    const first = takeWithin(pool, 3);
    expect(new Set(first).size).toBe(3);
    releaseShapes();
    // Emptied when the call returned: nothing of it stays reachable through the kept records.
    expect(pool.kept().map((b) => b.held)).toEqual([undefined, undefined, undefined]);
    const second = takeWithin(pool, 3);
    expect(second).toEqual(first.map((b) => expect.objectContaining({ n: b.n })));
    second.forEach((b, k) => expect(b).toBe(first[k]));
  });

  it('outside an analysis, makes records of the caller’s own that no release touches', () => {
    const pool = boxes();
    releaseShapes();
    const mine = pool.take();
    mine.held = { mine: true };
    takeWithin(pool, 2);
    releaseShapes();
    expect(mine.held).toEqual({ mine: true });
    expect(pool.kept()).not.toContain(mine);
  });

  it('grows to what a call needs, and halves after calls that need far less', () => {
    const pool = boxes();
    takeWithin(pool, 100);
    releaseShapes();
    expect(pool.kept()).toHaveLength(100);
    takeWithin(pool, 10);
    releaseShapes();
    expect(pool.kept()).toHaveLength(50);
    takeWithin(pool, 40);
    releaseShapes();
    expect(pool.kept()).toHaveLength(50);
    // Halving while a call uses under half: 50, 25, 13, 7, 4 — and 4 stays for calls of 2.
    for (let call = 0; call < 10; call++) {
      takeWithin(pool, 2);
      releaseShapes();
    }
    expect(pool.kept()).toHaveLength(4);
  });
});
