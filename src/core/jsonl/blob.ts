/**
 * Reading the binary blobs the index database keeps for large sessions (a line index, a yoi
 * digest): four magic bytes, a version byte, three spare, the body, then a CRC-32 of all before
 * it. Nothing in a stored blob is trusted: every read checks that its bytes are there, and a
 * blob that fails a check throws, which its callers take as "nothing stored".
 */
import { crc32 } from 'node:zlib';

export const PREAMBLE_BYTES = 8;
export const CRC_BYTES = 4;

export interface BlobKind {
  magic: Buffer;
  version: number;
  /** What the blob is, for messages: "line index". */
  what: string;
  /** The fewest bytes a whole blob of this kind can have, its checksum included. */
  minBytes: number;
}

export class BlobReader {
  protected readonly view: DataView;
  protected at = PREAMBLE_BYTES;

  constructor(
    protected readonly blob: Uint8Array,
    private readonly kind: BlobKind,
  ) {
    this.view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    if (blob.byteLength < kind.minBytes) this.fail(`it is only ${blob.byteLength} bytes`);
    if (!Buffer.from(blob.buffer, blob.byteOffset, kind.magic.length).equals(kind.magic)) {
      this.fail(`it is not a ${kind.what}`);
    }
    const version = blob[4];
    if (version !== kind.version) this.fail(`its version is ${version}, and only ${kind.version} is read`);
    const body = blob.byteLength - CRC_BYTES;
    if (crc32(blob.subarray(0, body)) !== this.view.getUint32(body, true)) {
      this.fail('its checksum does not match');
    }
  }

  fail(why: string): never {
    throw new Error(`stored ${this.kind.what} is unusable: ${why}`);
  }

  /** Fails unless `count` more bytes precede the checksum: a count read from the blob is not trusted. */
  need(count: number): void {
    if (this.at + count > this.blob.byteLength - CRC_BYTES) this.fail('it is truncated');
  }

  uint8(): number {
    this.need(1);
    const value = this.view.getUint8(this.at);
    this.at += 1;
    return value;
  }

  uint32(): number {
    this.need(4);
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  float64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.at, true);
    this.at += 8;
    return value;
  }

  /** A view into the blob, not a copy. */
  bytes(count: number): Uint8Array {
    this.need(count);
    const out = this.blob.subarray(this.at, this.at + count);
    this.at += count;
    return out;
  }

  finish(): void {
    if (this.at !== this.blob.byteLength - CRC_BYTES) this.fail('it has bytes after its end');
  }
}
