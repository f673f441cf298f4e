/**
 * The per-line step of chain verification (formats.md §3.5). A log has hundreds of thousands of
 * ~1 KB lines, so at the few hundred MB/s verification must reach, what a line costs besides its
 * SHA-256 decides the speed. The fast path reads the canonical prefix straight from the bytes,
 * hashes the previous hash and the entry in one `crypto.hash` call over a reused buffer, and
 * compares hex against raw bytes without converting either. It only ever accepts: any line it
 * does not accept goes through `splitLine`, so every reason a broken chain gives comes from that
 * one path, and the fast path cannot change which line is first reported bad, or why.
 */
import { hash as sha256 } from 'node:crypto';
import { hashLineBody, splitLine } from './hash';

export interface ChainChecker {
  /** Checks the next non-blank line: null if it extends the chain, else why it breaks it. */
  next(line: Buffer, terminated: boolean): string | null;
  /** The hash of the last line accepted, raw; null before the first. */
  head(): Buffer | null;
}

const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x61 + c] = 10 + c;

const PREFIX_HEAD = Buffer.from('{"hash":"');
const PREFIX_MID = Buffer.from('","prev_hash":');
const NULL_COMMA = Buffer.from('null,');
const HASH_AT = PREFIX_HEAD.length;
const MID_AT = HASH_AT + 64;
const PREV_AT = MID_AT + PREFIX_MID.length;
const NULL_BODY_AT = PREV_AT + NULL_COMMA.length;
const HEX_BODY_AT = PREV_AT + 1 + 64 + 2;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** Bodies up to this size are copied next to the previous hash; longer ones are hashed in place. */
const SCRATCH_LIMIT = 1024 * 1024;

const same = (line: Buffer, at: number, what: Buffer): boolean => {
  for (let i = 0; i < what.length; i++) if (line[at + i] !== what[i]) return false;
  return true;
};

/** Whether the 64 lowercase hex digits at `at` spell `raw` (false also when they are not hex). */
const hexIs = (line: Buffer, at: number, raw: Uint8Array): boolean => {
  for (let i = 0; i < 32; i++) {
    const hi = HEX[line[at + 2 * i] as number] as number;
    const lo = HEX[line[at + 2 * i + 1] as number] as number;
    if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== raw[i]) return false;
  }
  return true;
};

/** `fast: false` checks every line the reference way; tests compare the two. */
export function chainChecker({ fast = true }: { fast?: boolean } = {}): ChainChecker {
  let started = false;
  // The previous hash (zeros before the first line), "{", then the entry being hashed.
  let scratch = Buffer.alloc(64 * 1024);
  scratch[32] = OPEN_BRACE;
  const head = (): Buffer | null => (started ? scratch.subarray(0, 32) : null);
  const accept = (hash: Buffer): void => {
    scratch.set(hash, 0);
    started = true;
  };

  const quick = (line: Buffer): boolean => {
    const length = line.length;
    if (line[length - 1] !== CLOSE_BRACE || !same(line, 0, PREFIX_HEAD) || !same(line, MID_AT, PREFIX_MID))
      return false;
    let bodyAt;
    if (!started) {
      if (!same(line, PREV_AT, NULL_COMMA)) return false;
      bodyAt = NULL_BODY_AT;
    } else {
      if (line[PREV_AT] !== QUOTE || line[PREV_AT + 65] !== QUOTE || line[PREV_AT + 66] !== COMMA)
        return false;
      if (!hexIs(line, PREV_AT + 1, scratch)) return false;
      bodyAt = HEX_BODY_AT;
    }
    if (length <= bodyAt) return false;
    const size = 33 + length - bodyAt;
    let digest;
    if (size > SCRATCH_LIMIT) {
      digest = hashLineBody(head(), line.subarray(bodyAt)).toString('hex');
    } else {
      if (size > scratch.length) {
        const grown = Buffer.alloc(Math.min(SCRATCH_LIMIT, 2 ** Math.ceil(Math.log2(size))));
        scratch.copy(grown, 0, 0, 33);
        scratch = grown;
      }
      line.copy(scratch, 33, bodyAt, length);
      // Hex output: a string result is much cheaper to make than a Buffer (~1.5 µs a call).
      digest = sha256('sha256', scratch.subarray(0, size), 'hex');
    }
    for (let i = 0; i < 64; i++) if (digest.charCodeAt(i) !== line[HASH_AT + i]) return false;
    for (let i = 0; i < 32; i++)
      scratch[i] =
        ((HEX[line[HASH_AT + 2 * i] as number] as number) << 4) |
        (HEX[line[HASH_AT + 2 * i + 1] as number] as number);
    started = true;
    return true;
  };

  const reference = (line: Buffer, terminated: boolean): string | null => {
    const split = splitLine(line);
    if (!split || line[line.length - 1] !== CLOSE_BRACE)
      return terminated ? 'unparseable line' : 'unparseable line: torn last line (no newline)';
    const current = head();
    const linked = current === null ? split.prev === null : split.prev !== null && split.prev.equals(current);
    if (!linked) {
      const expected = current === null ? 'null' : current.toString('hex');
      return `broken link: prev_hash is ${split.prev?.toString('hex') ?? 'null'}, expected ${expected}`;
    }
    if (!hashLineBody(current, split.body).equals(split.hash))
      return 'bad hash: the entry does not hash to its "hash"';
    accept(split.hash);
    return null;
  };

  return {
    next: (line, terminated) => (fast && quick(line) ? null : reference(line, terminated)),
    head: () => {
      const current = head();
      return current && Buffer.from(current);
    },
  };
}
