import { keepShape, Releasable } from './shapes';

/**
 * Typed arrays carved out of a few shared buffers. A typed array of a few hundred numbers lives
 * outside the JS heap, and allocating one costs far more than its size — fresh memory, tracked by
 * the garbage collector one by one — which adds up at a thousand brokers (a step sum each) or a
 * thousand scrape offsets (a time grid and its step indexes each). The arrays are views: never
 * grown or transferred, and a buffer lives as long as any view into it.
 */
export class Arena implements Releasable {
  private buffer: ArrayBuffer | undefined;
  private used = 0;

  /** `firstBytes`: the first buffer's size; each next one twice the one before, up to `maxBytes`. */
  constructor(
    private readonly firstBytes = 4096,
    private readonly maxBytes = 1 << 20
  ) {
    keepShape(this);
  }

  release(): void {
    this.buffer = undefined;
    this.used = 0;
  }

  float64(length: number): Float64Array {
    const { buffer, offset } = this.take(8 * length);
    return new Float64Array(buffer, offset, length);
  }

  int32(length: number): Int32Array {
    const { buffer, offset } = this.take(4 * length);
    return new Int32Array(buffer, offset, length);
  }

  private take(bytes: number): { buffer: ArrayBuffer; offset: number } {
    // Every view starts on a multiple of 8, so any element size stays aligned.
    const size = Math.ceil(bytes / 8) * 8;
    if (!this.buffer || this.used + size > this.buffer.byteLength) {
      const next = this.buffer ? Math.min(this.maxBytes, 2 * this.buffer.byteLength) : this.firstBytes;
      this.buffer = new ArrayBuffer(Math.max(size, next));
      this.used = 0;
    }
    const offset = this.used;
    this.used += size;
    return { buffer: this.buffer, offset };
  }
}
