/**
 * Appends text to a file in 8 MB writes, so a 1 GB session is generated without ever being one
 * string (V8 caps strings near 512 MiB) and without a system call per line.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

const BATCH_BYTES = 8 * 1024 * 1024;

export class FileSink {
  bytes = 0;
  private pending: string[] = [];
  private pendingChars = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<FileSink> {
    return new FileSink(await open(path, 'wx'));
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BATCH_BYTES) await this.flush();
  }

  async close(): Promise<number> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
    return this.bytes;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const buffer = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.bytes += buffer.length;
    await this.handle.write(buffer);
  }
}
