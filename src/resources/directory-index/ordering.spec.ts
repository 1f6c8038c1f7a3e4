import { Bitmap } from './bitmap.js';
import { BlockedOrder, compareCodePoints, TopK } from './ordering.js';

describe('compareCodePoints', () => {
  it('orders by code point, astral characters after U+FFFF', () => {
    const words = ['b', 'a', 'B', 'é', 'ﬀ', '😀', 'a b', 'ab', ''];
    expect([...words].sort(compareCodePoints)).toEqual(['', 'B', 'a', 'a b', 'ab', 'b', 'é', 'ﬀ', '😀']);
    expect(compareCodePoints('\uffff', '😀')).toBeLessThan(0);
  });
});

describe('BlockedOrder', () => {
  // Slots 0..99 in a shuffled order, small blocks so pages cross them.
  const order = Uint32Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
  const blocked = new BlockedOrder(order, 8);

  it('takes matches in order from a position, across blocks', () => {
    const matches = new Bitmap(Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 === 0));
    const expected = [...order].filter((slot) => slot % 3 === 0);
    expect(blocked.take(matches, 0, 5)).toEqual(expected.slice(0, 5));
    const from = 41;
    expect(blocked.take(matches, from, 7)).toEqual([...order.slice(from)].filter((s) => s % 3 === 0).slice(0, 7));
  });

  it('skips slots outside the order', () => {
    expect(blocked.take(new Bitmap([3, 150, 200]), 0, 10)).toEqual([3]);
  });

  it('answers large match sets block by block', () => {
    const many = Uint32Array.from({ length: 20000 }, (_, i) => (i * 7919) % 20000);
    const big = new BlockedOrder(many, 4096);
    const matches = new Bitmap(Array.from({ length: 20000 }, (_, i) => i).filter((i) => i % 2 === 1));
    expect(big.take(matches, 10000, 3)).toEqual([...many.slice(10000)].filter((s) => s % 2 === 1).slice(0, 3));
  });
});

describe('TopK', () => {
  it('keeps the k first under the order', () => {
    const top = new TopK(3, (a, b) => a < b);
    for (const x of [9, 4, 7, 1, 8, 2, 6]) top.offer(x);
    expect(top.sorted()).toEqual([1, 2, 4]);
  });
});
