import fc from 'fast-check';
import { Arena } from './arena';

describe('Arena', () => {
  it('hands out views of the asked lengths that never overlap, each aligned for any element size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('float64', 'int32'), fc.integer({ min: 0, max: 700 })), { maxLength: 60 }),
        fc.integer({ min: 8, max: 2048 }),
        (asks, firstBytes) => {
          const arena = new Arena(firstBytes, 4096);
          const views = asks.map(([kind, length]) =>
            kind === 'float64' ? arena.float64(length) : arena.int32(length)
          );
          // Each view filled with its own number: any overlap would overwrite another's.
          views.forEach((view, k) => view.fill(k + 1));
          views.forEach((view, k) => {
            expect(view.length).toBe(asks[k][1]);
            expect(view.byteOffset % 8).toBe(0);
            expect(view.every((v) => v === k + 1)).toBe(true);
          });
        }
      )
    );
  });
});
