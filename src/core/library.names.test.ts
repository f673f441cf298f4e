import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRef } from '../shared/model';
import { YoiWriter } from './formats/yoi';
import { createLibrary } from './library';
import type { Library } from './library';

const orcsBasic = resolve(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'orcs-basic');
const ORCS_ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

let dir: string;
let yoiDir: string;
let orcsDir: string;
let library: Library;
let yoiId: string;

function open(): Library {
  return createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: [yoiDir, orcsDir],
    resourcesDir: join(dir, 'resources'),
    host: 'cli',
    version: 'test',
  });
}

const sha256 = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function refOf(lib: Library, id: string): Promise<SessionRef> {
  const found = (await lib.handlers['sessions.list']({})).find((s) => s.ref.id === id);
  if (!found) throw new Error(`no session ${id} in the list`);
  return found.ref;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-names-'));
  yoiDir = join(dir, 'yoi');
  orcsDir = join(dir, 'orcs');
  await mkdir(yoiDir);
  await cp(orcsBasic, orcsDir, { recursive: true });
  const writer = new YoiWriter(yoiDir);
  const session = await writer.createSession({ systemPrompt: 'You are helpful.' });
  await writer.saveDelta(session, [
    { type: 'message', role: 'user', content: [{ type: 'text', text: 'hi' }] },
  ]);
  yoiId = session.id;
  library = open();
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('app names for yoi sessions', () => {
  it('shows the name in the list and the session, and never touches the log', async () => {
    const ref = await refOf(library, yoiId);
    const before = (await library.handlers['sessions.list']({})).find((s) => s.ref.id === yoiId);
    expect(before).toMatchObject({ title: yoiId, untitled: true, capabilities: { rename: true } });
    const log = join(yoiDir, `${yoiId}.jsonl`);
    const bytes = await sha256(log);

    const renamed = await library.handlers['session.rename']({ ref, title: 'Weather chat' });

    expect(renamed.summary).toMatchObject({ ref, title: 'Weather chat', untitled: false });
    const listed = (await library.handlers['sessions.list']({})).find((s) => s.ref.id === yoiId);
    expect(listed).toMatchObject({ title: 'Weather chat', untitled: false });
    expect((await library.handlers['session.get']({ ref })).summary.title).toBe('Weather chat');
    expect(await sha256(log)).toBe(bytes);
  });

  it('keeps the name for a new Library on the same app-data directory', async () => {
    const ref = await refOf(library, yoiId);
    await library.handlers['session.rename']({ ref, title: 'Survives' });
    const later = open();
    expect((await later.handlers['session.get']({ ref })).summary).toMatchObject({
      title: 'Survives',
      untitled: false,
    });
    await later.close();
  });

  it('names lineage nodes, and a name survives the trash', async () => {
    const ref = await refOf(library, yoiId);
    await library.handlers['session.rename']({ ref, title: 'Source' });
    const { headHash } = await library.handlers['session.verify']({ ref });
    const { summary: fork } = await library.handlers['session.forkAt']({ ref, atHash: headHash ?? '' });
    const graph = await library.handlers['session.lineage']({ ref: fork.ref });
    expect(graph.nodes.map((node) => [node.ref.id, node.title])).toEqual(
      expect.arrayContaining([
        [yoiId, 'Source'],
        [fork.ref.id, fork.ref.id],
      ]),
    );
    const { trashId, summary } = await library.handlers['session.delete']({ ref });
    expect(summary.title).toBe('Source');
    expect((await library.handlers['trash.restore']({ trashId })).summary.title).toBe('Source');
  });

  it('refuses a session the root does not hold, and names nothing', async () => {
    const ref = await refOf(library, yoiId);
    const missing = { ...ref, id: '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    await expect(library.handlers['session.rename']({ ref: missing, title: 'Ghost' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(readFile(join(dir, 'appdata', 'names.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("still writes an ORCS name into the session's own file", async () => {
    const ref = await refOf(library, ORCS_ID);
    await library.handlers['session.rename']({ ref, title: 'In the file' });
    const asset = JSON.parse(await readFile(join(orcsDir, `${ORCS_ID}.json`), 'utf8')) as {
      project_context: { name: string };
    };
    expect(asset.project_context.name).toBe('In the file');
    await expect(readFile(join(dir, 'appdata', 'names.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
