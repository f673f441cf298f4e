import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import type { Ran, TurnSpec } from './testing';
import { cliSandbox, run, writeSession } from './testing';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]): Promise<Ran> =>
  run(['--home', home, '--root', root, ...argv], { cwd: base });

const hostileTitle = '</title><script>alert("title")</script>';

const turns: TurnSpec[] = [
  { role: 'user', content: 'Run <img src=x onerror=alert(1)> please', timestampMs: 1_700_000_001_000 },
  {
    role: 'assistant',
    content: 'Done:\n\n```\n<script>alert(2)</script>\n```\n\n[x](javascript:alert(3))',
    timestampMs: 1_700_000_002_000,
    toolCalls: [
      {
        tool_name: 'shell',
        args: { command: 'cat "</style>"' },
        result: '````\n<!-- end\n````',
        success: true,
        duration_ms: 42,
      },
    ],
  },
];

async function hostileSession(): Promise<string> {
  return writeSession(root, { name: hostileTitle, turns });
}

describe('export', () => {
  it('writes Markdown to stdout', async () => {
    const id = await hostileSession();
    const result = await cli('export', id, '--to', 'md');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# \\<\/title>\\<script>alert\("title"\)\\<\/script>\n/);
    expect(result.stdout).toContain(`- **Session:** ${id}\n`);
    expect(result.stdout).toContain('## Turn 1 · user\n');
    expect(result.stdout).toContain('Run \\<img src=x onerror=alert(1)> please');
    expect(result.stdout).toContain('**Tool call:** `shell` (ok, 42 ms)');
    expect(result.stdout).toContain('`````\n````\n<!-- end\n````\n`````\n');
  });

  it('writes each format into --out, atomically, and says where', async () => {
    const id = await hostileSession();
    const out = join(base, 'exports');
    await mkdir(out);
    for (const format of ['md', 'html', 'json']) {
      const path = join(out, `session.${format}`);
      const result = await cli('export', id, '--to', format, '--out', path);
      expect(result).toEqual({ code: 0, stdout: `exported to ${path}\n`, stderr: '' });
    }
    expect((await readdir(out)).sort()).toEqual(['session.html', 'session.json', 'session.md']);

    const markdown = await readFile(join(out, 'session.md'), 'utf8');
    expect(markdown).toContain('## Turn 2 · assistant\n');

    const html = await readFile(join(out, 'session.html'), 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</title>',
    );
    expect(html).toContain('Run &lt;img src=x onerror=alert(1)&gt; please');
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=/i);
    expect(parse(html).childNodes.map((node) => node.nodeName)).toEqual(['#documentType', 'html']);

    const json = JSON.parse(await readFile(join(out, 'session.json'), 'utf8')) as {
      summary: { title: string; ref: { id: string } };
      turns: {
        role: string;
        text: string;
        toolCalls: { name: string; arguments: unknown; result: unknown }[];
      }[];
    };
    expect(json.summary).toMatchObject({ title: hostileTitle, ref: { id } });
    expect(json.turns.map((turn) => [turn.role, turn.text])).toEqual(
      turns.map((turn) => [turn.role, turn.content]),
    );
    expect(json.turns[1]?.toolCalls[0]).toMatchObject({
      name: 'shell',
      arguments: { command: 'cat "</style>"' },
      result: '````\n<!-- end\n````',
    });
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const id = await hostileSession();
    const path = join(base, 'session.json');
    await writeFile(path, 'old');
    // Relative to the directory the command was run in.
    const result = await cli('--json', 'export', id, '--to', 'json', '--out', 'session.json');
    expect(JSON.parse(result.stdout)).toEqual({ path, format: 'json' });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ summary: { ref: { id } } });
    expect((await readdir(base)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('pages through a session of more turns than one page holds', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `turn ${i}`,
      timestampMs: 1_700_000_000_000 + i,
    }));
    const id = await writeSession(root, { turns: many });
    const result = await cli('export', id, '--to', 'json');
    const json = JSON.parse(result.stdout) as { turns: { text: string }[] };
    expect(json.turns.map((turn) => turn.text)).toEqual(many.map((turn) => turn.content));
  });

  it('fails without writing when the directory of --out does not exist', async () => {
    const id = await hostileSession();
    const result = await cli('export', id, '--to', 'html', '--out', join(base, 'missing', 'x.html'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessionscope: not_found: [^\n]*x\.html does not exist\n$/);
    expect(await readdir(base)).not.toContain('missing');
  });

  it('refuses an unknown format, an empty --out and an unknown session', async () => {
    const id = await hostileSession();
    expect(await cli('export', id, '--to', 'pdf')).toMatchObject({
      code: 2,
      stderr: 'sessionscope: invalid_input: --to needs one of md, html, json, not "pdf"\n',
    });
    expect(await cli('export', id, '--to', 'md', '--out', '')).toMatchObject({
      code: 2,
      stderr: 'sessionscope: invalid_input: --out needs a file\n',
    });
    expect(await cli('export', 'nope', '--to', 'md')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not_found/),
    });
  });
});
