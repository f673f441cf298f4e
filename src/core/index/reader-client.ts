/**
 * The index writer's handle on its reader thread (reader-thread.ts), or on a reader in its own
 * thread when none is configured (the CLI, tests). A thread that dies fails the reads in flight
 * with a clear error, and the next read starts another.
 */
import { Worker } from 'node:worker_threads';
import { AppError, toWireError } from '../../shared/errors';
import type { WireError } from '../../shared/errors';
import { DocReader } from './reader';
import type { ReadPage, ReadRequest, SourceReader } from './reader';

/** Where the reader thread's script is: plain data, so it can be handed on through workerData. */
export interface ReaderEntry {
  href: string;
  execArgv?: string[];
}

export interface ReaderRequest {
  id: number;
  read: ReadRequest;
}

export type ReaderReply =
  { id: number; ok: true; page: ReadPage } | { id: number; ok: false; error: WireError };

export function openReader(entry: ReaderEntry | undefined): SourceReader {
  return entry ? new ThreadReader(entry) : new DocReader();
}

class ThreadReader implements SourceReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(page: ReadPage): void; reject(error: Error): void }>();

  constructor(private readonly entry: ReaderEntry) {}

  read(request: ReadRequest): Promise<ReadPage> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, read: request } satisfies ReaderRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL(this.entry.href), { execArgv: this.entry.execArgv });
    worker.on('message', (reply: ReaderReply) => this.receive(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.fail(new Error(`the index reader stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: ReaderReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.page);
    else waiting.reject(new AppError(reply.error.code, reply.error.message));
  }

  private fail(error: Error): void {
    const wire = toWireError(error);
    for (const waiting of this.pending.values()) waiting.reject(new AppError('io', wire.message));
    this.pending.clear();
  }
}
