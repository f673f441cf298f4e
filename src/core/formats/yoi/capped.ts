import type { YoiCapped } from '../../../shared/panels/yoi';

/** The newest `cap` items of a stream and how many there were, without holding more than 2×cap. */
export class Capped<T> {
  private items: T[] = [];
  private total = 0;

  constructor(private readonly cap: number) {}

  push(item: T): void {
    this.total += 1;
    this.items.push(item);
    if (this.items.length >= 2 * this.cap) this.items = this.items.slice(-this.cap);
  }

  value(): YoiCapped<T> {
    return { total: this.total, items: this.items.slice(-this.cap) };
  }
}
