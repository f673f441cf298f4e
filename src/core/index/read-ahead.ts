/**
 * The pages of one file asked of the reader ahead of the page being written, so reading and
 * writing overlap. Pages are asked for at the turns they are expected to start at; a page that
 * comes back shorter than asked (the file changed under the reader) leaves a gap, and then the
 * pages read ahead are dropped and the next one asked for where the last one really ended.
 */
import type { DocReader, ReadPage } from './reader';
import type { IndexedRoot } from './root';

export class ReadAhead {
  private readonly queue: { from: number; page: Promise<ReadPage> }[] = [];
  private asked = 0;

  constructor(
    private readonly reader: Pick<DocReader, 'read'>,
    private readonly root: IndexedRoot,
    private readonly id: string,
    private readonly pageTurns: number,
    private readonly depth: number,
  ) {}

  /** Asks for the pages after turn `from`, up to `total`, until `depth` are under way. */
  fill(from: number, total: number): void {
    this.asked = Math.max(this.asked, from);
    while (this.queue.length < this.depth && this.asked < total) {
      this.queue.push({ from: this.asked, page: this.ask(this.asked) });
      this.asked += this.pageTurns;
    }
  }

  /** The page that starts at turn `from`. */
  async next(from: number): Promise<ReadPage> {
    const head = this.queue.shift();
    if (head?.from === from) return head.page;
    this.drop();
    this.asked = from + this.pageTurns;
    return this.ask(from);
  }

  /** Forgets the pages still under way; their answers are dropped as they come. */
  drop(): void {
    this.queue.length = 0;
  }

  private ask(from: number): Promise<ReadPage> {
    const page = this.reader.read({ root: this.root, id: this.id, from, count: this.pageTurns, head: false });
    // Awaited when its turn comes; one dropped, or left when a run stops, must not go unhandled.
    page.catch(() => undefined);
    return page;
  }
}
