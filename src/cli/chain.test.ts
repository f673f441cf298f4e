import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { chain, SOURCE_ID, vectorEntries, writeLog } from '../core/formats/yoi/testkit';
import { cliSandbox, json, run } from './testing';
import { messageLine, writeJsonl } from './testing-zeroclaw';
import { flipByte, hashOfLine, logLines, logPathOf, writeYoiSession } from './testing-yoi';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

/** The id of the session a fork or compact-into-new --json made. */
async function made(...argv: string[]): Promise<string> {
  return (json(await cli(...argv, '--json')) as { summary: { id: string } }).summary.id;
}

describe('verify', () => {
  it('reports an intact chain and its full head', async () => {
    const id = await writeYoiSession(root);
    const head = await hashOfLine(root, id, 4);
    expect(await cli('verify', id)).toEqual({
      code: 0,
      stdout: `chain verified: 4 lines, head ${head}\n`,
      stderr: '',
    });
  });

  it('groups the thousands of a long log', async () => {
    const turnEnds = Array.from({ length: 1233 }, (_, i) => ({
      kind: 'turn_end' as const,
      ts: 5000 + i,
      turn_count: i,
    }));
    const { lines, hashes } = chain([...vectorEntries.slice(0, 1), ...turnEnds]);
    await writeLog(root, SOURCE_ID, lines);
    expect((await cli('verify', SOURCE_ID)).stdout).toBe(
      `chain verified: 1,234 lines, head ${hashes.at(-1)}\n`,
    );
  });

  it('--json prints exactly the ChainReport', async () => {
    const id = await writeYoiSession(root);
    expect(json(await cli('verify', id, '--json'))).toEqual({
      lines: 4,
      headHash: await hashOfLine(root, id, 4),
      ok: true,
      firstBadLine: null,
      reason: null,
    });
  });

  it('a changed byte breaks the chain: the report on stdout, the corrupt line on stderr, exit 1', async () => {
    const id = await writeYoiSession(root);
    await flipByte(root, id, 'Check weather');
    const reason = 'bad hash: the entry does not hash to its "hash"';
    expect(await cli('verify', id)).toEqual({
      code: 1,
      stdout: `chain broken at line 2: ${reason}\n`,
      stderr: `sessionscope: corrupt: chain broken at line 2: ${reason}\n`,
    });
    const result = await cli('verify', id, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`sessionscope: corrupt: chain broken at line 2: ${reason}\n`);
    expect(JSON.parse(result.stdout)).toEqual({
      lines: 4,
      headHash: null,
      ok: false,
      firstBadLine: 2,
      reason,
    });
  });

  it('refuses a format without a chain', async () => {
    const zeroclaw = join(base, 'zeroclaw');
    await mkdir(zeroclaw);
    await writeJsonl(zeroclaw, 'telegram_1', messageLine('user', 'hi'));
    const result = await run(['--home', home, '--root', zeroclaw, 'verify', 'telegram_1'], { cwd: base });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sessionscope: unsupported: .*hash chain.*\n$/);
  });
});

describe('fork', () => {
  it('makes a new session naming its origin and leaves the source byte for byte', async () => {
    const id = await writeYoiSession(root);
    const before = await readFile(logPathOf(root, id));
    const at = await hashOfLine(root, id, 2);
    const result = json(await cli('fork', id, '--at', at, '--json')) as { summary: { id: string } };
    expect(result).toEqual({
      summary: expect.objectContaining({ format: 'yoi', root: expect.any(String) }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
    const { summary } = result;
    expect(summary.id).not.toBe(id);
    expect(await readFile(logPathOf(root, id))).toEqual(before);
    const [start, ...rest] = await logLines(root, summary.id);
    expect(rest).toEqual([]);
    expect(start).toEqual(
      expect.objectContaining({ kind: 'session_start', forked_from: { session_id: id, at_hash: at } }),
    );
    expect((await readFile(logPathOf(root, summary.id), 'utf8')).split('\n')[0]).toContain(
      `"forked_from":{"session_id":"${id}","at_hash":"${at}"}`,
    );
    expect(json(await cli('verify', summary.id, '--json'))).toEqual(expect.objectContaining({ ok: true }));
  });

  it('prints the source, the entry and the new id', async () => {
    const id = await writeYoiSession(root);
    const at = await hashOfLine(root, id, 3);
    const result = await cli('fork', id, '--at', at);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [, fork = '', undoId = ''] =
      /into ([0-9a-f-]{36}); .* undo ([a-z0-9-]+)\n$/.exec(result.stdout) ?? [];
    // yoi sessions have no names, so the title is the id and is not said twice.
    expect(result.stdout).toBe(
      `Forked ${id} at ${at.slice(0, 12)}… into ${fork}; undo with: sessionscope --home ${home} undo ${undoId}\n`,
    );
    expect((await logLines(root, fork))[0]).toEqual(
      expect.objectContaining({ forked_from: { session_id: id, at_hash: at } }),
    );
  });

  it('undo takes the new session away and leaves the source as it was', async () => {
    const id = await writeYoiSession(root);
    const before = await readFile(logPathOf(root, id));
    const { undoId } = json(await cli('fork', id, '--at', await hashOfLine(root, id, 2), '--json')) as {
      undoId: string;
    };
    expect(json(await cli('list', '--json'))).toHaveLength(2);
    expect((await cli('undo', undoId)).code).toBe(0);
    expect(json(await cli('list', '--json'))).toEqual([expect.objectContaining({ id })]);
    expect(await readFile(logPathOf(root, id))).toEqual(before);
  });

  it('a hash the log does not hold is refused by the contract: exit 1, nothing written', async () => {
    const id = await writeYoiSession(root);
    const result = await cli('fork', id, '--at', 'ab'.repeat(32));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sessionscope: not_found: no entry of session .* has hash (ab){32}\n$/);
    expect(json(await cli('list', '--json'))).toHaveLength(1);
  });
});

describe('compact-into-new', () => {
  it('makes a new session from the summary, compacted from the source head, source unchanged', async () => {
    const id = await writeYoiSession(root);
    const before = await readFile(logPathOf(root, id));
    const head = await hashOfLine(root, id, 4);
    const result = json(await cli('compact-into-new', id, '--summary', 'It is sunny.', '--json')) as {
      summary: { id: string };
    };
    expect(result).toEqual({
      summary: expect.objectContaining({ format: 'yoi' }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
    const { summary } = result;
    expect(await readFile(logPathOf(root, id))).toEqual(before);
    const [start] = await logLines(root, summary.id);
    expect(start).toEqual(
      expect.objectContaining({ kind: 'session_start', compacted_from: { session_id: id, at_hash: head } }),
    );
    expect(JSON.stringify(start)).toContain('It is sunny.');
  });

  it('prints what it made', async () => {
    const id = await writeYoiSession(root);
    const result = await cli('compact-into-new', id, '--summary', 'short');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      new RegExp(
        `^Compacted ${id} into [0-9a-f-]{36}; undo with: sessionscope --home ${home} undo [a-z0-9-]+\\n$`,
      ),
    );
  });

  it('an empty summary is refused by the contract: exit 1, nothing written', async () => {
    const id = await writeYoiSession(root);
    expect(await cli('compact-into-new', id, '--summary', '  ')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sessionscope: invalid_input: summary: a summary cannot be empty\n',
    });
    expect(json(await cli('list', '--json'))).toHaveLength(1);
  });
});

describe('lineage', () => {
  it('draws forks and compactions under their origin and marks the session asked about', async () => {
    const id = await writeYoiSession(root);
    const at = await hashOfLine(root, id, 2);
    const fork = await made('fork', id, '--at', at);
    const compacted = await made('compact-into-new', fork, '--summary', 's');
    const result = await cli('lineage', fork);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${id} · created `));
    expect(lines[1]).toMatch(new RegExp(`^  forked at line 2: ${fork} · created .*  ← this session$`));
    expect(lines[2]).toMatch(new RegExp(`^    compacted at line 1: ${compacted} · created `));
    expect(lines.slice(3)).toEqual(['']);
  });

  it('--json prints the nodes and edges', async () => {
    const id = await writeYoiSession(root);
    const at = await hashOfLine(root, id, 3);
    const fork = await made('fork', id, '--at', at);
    const graph = json(await cli('lineage', id, '--json')) as {
      nodes: { id: string }[];
      edges: unknown[];
    };
    expect(graph.nodes.map((node) => node.id).sort()).toEqual([id, fork].sort());
    expect(graph.nodes[0]).toEqual({
      root: expect.any(String),
      id: expect.any(String),
      title: expect.any(String),
      createdAt: expect.any(String),
      missing: false,
    });
    expect(graph.edges).toEqual([
      {
        from: { root: expect.any(String), id },
        to: { root: expect.any(String), id: fork },
        kind: 'fork',
        atHash: at,
        atLine: 3,
      },
    ]);
  });

  it('shows an origin no longer in the root as missing, with the hash it was forked at', async () => {
    const id = await writeYoiSession(root);
    const at = await hashOfLine(root, id, 2);
    const fork = await made('fork', id, '--at', at);
    await rm(logPathOf(root, id));
    const result = await cli('lineage', fork);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      new RegExp(
        `^${id} \\(missing from this root\\)\n  forked at ${at.slice(0, 12)}…: ${fork} · created .*  ← this session\n$`,
      ),
    );
  });
});
