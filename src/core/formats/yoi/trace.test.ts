import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './testkit';
import { readTrace } from './trace';

describe('readTrace', () => {
  it('counts events per variant and keeps the newest up to the cap', async () => {
    const path = join(await tempDir(), 'x.trace.jsonl');
    const lines = [
      '{"ts":1000,"turn":0,"event":{"Status":{"status":"Started"}}}',
      '{"ts":1001,"turn":0,"event":{"BlockStart":{"index":0,"block_type":"ToolUse","metadata":{"ToolUse":{"id":"t","name":"ls"}}}}}',
      '{"ts":1002,"turn":0,"event":{"BlockDelta":{"index":0,"delta":{"InputJson":"{\\"a\\""}}}}',
      '{"ts":1003,"turn":0,"event":{"BlockStop":{"index":0,"block_type":"ToolUse","stop_reason":"ToolUse"}}}',
      '{"ts":1004,"turn":1,"event":{"Error":{"code":null,"message":"overloaded"}}}',
      'torn{',
      '{"ts":1005,"turn":1,"event":{"Ping":{"timestamp":null}}}',
    ];
    await writeFile(path, lines.join('\n') + '\n');
    const trace = await readTrace(path, 3);
    expect(trace).toMatchObject({
      lines: 7,
      unreadableLines: 1,
      counts: { Status: 1, BlockStart: 1, BlockDelta: 1, BlockStop: 1, Error: 1, Ping: 1 },
      firstTime: '1970-01-01T00:00:01.000Z',
      lastTime: '1970-01-01T00:00:01.005Z',
      events: { total: 7 },
    });
    expect(trace?.events.items.map((e) => [e.line, e.type, e.detail])).toEqual([
      [5, 'Error', 'overloaded'],
      [6, 'unreadable', 'torn{'],
      [7, 'Ping', '{"timestamp":null}'],
    ]);
    const all = await readTrace(path);
    expect(all?.events.items.slice(1, 4).map((e) => e.detail)).toEqual([
      '#0 ToolUse',
      '#0 InputJson: {"a"',
      '#0 ToolUse (ToolUse)',
    ]);
  });

  it('is null when the session has no trace', async () => {
    expect(await readTrace(join(await tempDir(), 'none.trace.jsonl'))).toBeNull();
  });
});
