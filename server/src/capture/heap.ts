/**
 * A min-priority queue: the reordering window of the decoder. Items that come in order (none less
 * than the last that came in order: nearly every record of a capture) wait in a queue, taken from
 * its head; the others in a binary heap. The least of the two heads comes out first.
 */
export class Heap<T> {
  private readonly items: T[] = [];
  private queue: T[] = [];
  private head = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length + this.queue.length - this.head;
  }

  push(item: T): void {
    const queue = this.queue;
    if (queue.length === this.head || this.compare(queue[queue.length - 1], item) <= 0) {
      queue.push(item);
      return;
    }
    const items = this.items;
    let at = items.push(item) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.compare(items[parent], item) <= 0) break;
      items[at] = items[parent];
      at = parent;
    }
    items[at] = item;
  }

  /** The least item, removed; undefined when empty. */
  pop(): T | undefined {
    const items = this.items;
    if (this.head < this.queue.length && (items.length === 0 || this.compare(this.queue[this.head], items[0]) <= 0)) return this.shift();
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length === 0) return top;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && this.compare(items[child + 1], items[child]) < 0) child++;
      if (this.compare(last, items[child]) <= 0) break;
      items[at] = items[child];
      at = child;
    }
    items[at] = last;
    return top;
  }

  /** The head of the queue, removed (the queue's array is cut once its head is half of it). */
  private shift(): T {
    const item = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head >= 1024 && 2 * this.head >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
