/**
 * Keeps the hidden classes of the analysis' per-call objects alive between calls.
 *
 * Why: V8's optimized code checks the hidden class (map) of the objects it works on and is thrown
 * away when such a class dies. An instance of a class reaches its final map by transitions from
 * its constructor's initial map, and V8 holds those weakly: once every instance of a per-call
 * class (a series set, a step sum, a time interner, …) is garbage, a full collection deletes its
 * map, and with it the optimized reader, preparation and aggregation. The next analysis — the
 * next refresh after a major collection — then ran 2–3× slower while the code was optimized again
 * (100 × 100 × 240 points: ~80 ms instead of ~35). Keeping the latest instance of each such class
 * keeps its map; `releaseShapes` makes the kept instances let go of what they held, so that no
 * call's series or buffers stay reachable through them.
 */

/** An object of a per-call class that can drop its contents (its fields keep their kinds). */
export interface Releasable {
  /** Lets go of everything the call put in it; the instance is never used again afterwards. */
  release(): void;
}

const latest = new Map<unknown, Releasable>();

/** Objects kept from call to call and released after each (the record pools, recordPool.ts). */
const everyCall = new Set<Releasable>();

/** Called by each per-call class' constructor, after its fields are set. */
export function keepShape(instance: Releasable): void {
  latest.set(instance.constructor, instance);
}

/** Whether an analysis is running (between beginAnalysis and releaseShapes). */
let analysing = false;

/**
 * Called when an analysis starts. Record pools hand out kept records only within an analysis
 * (whose end empties them); a reader called on its own gets records of its own to keep.
 */
export function beginAnalysis(): void {
  analysing = true;
}

export function analysisRunning(): boolean {
  return analysing;
}

/** Called once by an object kept for every call (a record pool): released when each returns. */
export function releaseAfterEachCall(instance: Releasable): void {
  everyCall.add(instance);
}

/** Called when an analysis returns. */
export function releaseShapes(): void {
  analysing = false;
  latest.forEach((instance) => instance.release());
  everyCall.forEach((instance) => instance.release());
}

/** The instances kept (for tests). */
export function keptShapes(): Releasable[] {
  return [...Array.from(latest.values()), ...Array.from(everyCall)];
}
