import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Heap } from '../../server/src/capture/heap';

/** The decoder's reordering window: items out least first, whether they came in order or not. */

test('the window gives the least item first, items in order and out of order mixed, taken out as they come or at the end', () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const heap = new Heap<number>((a, b) => a - b);
    const held: number[] = [];
    const out: number[] = [];
    const expected: number[] = [];
    const window = 1 + random(50);
    let next = 0;
    for (let k = 0; k < 3000; k++) {
      // Mostly in order (a capture's records), some earlier or later than the last (TCP reassembled late).
      const value = random(10) < 8 ? (next += random(3)) : next + random(40) - 30;
      heap.push(value);
      held.push(value);
      if (heap.size > window) {
        held.sort((a, b) => a - b);
        expected.push(held.shift() as number);
        out.push(heap.pop() as number);
      }
      assert.equal(heap.size, held.length);
    }
    held.sort((a, b) => a - b);
    for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item);
    assert.deepEqual(out, [...expected, ...held], `round ${round}`);
    assert.equal(heap.size, 0);
  }
});
