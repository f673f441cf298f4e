/** How far an index run has got, with a rate and an estimate, reported a few times a second at most. */
import type { IndexPhase, IndexStatus } from '../../shared/search';

const REPORT_EVERY_MS = 250;

export class Progress {
  private status: IndexStatus = idle();
  private startedAt = 0;
  private lastReport = 0;
  /** A working status was reported, so the end of the run must be reported too. */
  private announced = false;

  constructor(
    private readonly report: (status: IndexStatus) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  current(): IndexStatus {
    return { ...this.status };
  }

  begin(phase: IndexPhase, filesTotal: number, bytesTotal: number, announce: boolean): void {
    this.startedAt = this.now();
    this.status = { ...idle(), phase, filesTotal, bytesTotal, lastError: this.status.lastError };
    if (announce) this.emit(true);
  }

  advance(files: number, bytes: number): void {
    this.status.filesDone += files;
    this.status.bytesDone += bytes;
    const seconds = (this.now() - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.status.bytesDone / seconds : 0;
    this.status.mbPerSecond = Math.round((rate / 1e6) * 10) / 10;
    const left = Math.max(0, this.status.bytesTotal - this.status.bytesDone);
    this.status.secondsLeft = rate > 0 ? Math.ceil(left / rate) : null;
    this.emit(false);
  }

  failed(message: string): void {
    this.status.lastError = message;
  }

  end(announce: boolean): void {
    this.status = { ...idle(), lastError: this.status.lastError };
    if (announce || this.announced) this.emit(true);
  }

  private emit(always: boolean): void {
    const at = this.now();
    if (!always && at - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = at;
    this.announced = this.status.phase !== 'idle';
    this.report(this.current());
  }
}

function idle(): IndexStatus {
  return {
    phase: 'idle',
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
    mbPerSecond: 0,
    secondsLeft: null,
    lastError: null,
  };
}
