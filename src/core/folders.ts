import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve } from 'node:path';
import type { FolderEntry, FolderListing } from '../shared/api';
import { AppError } from '../shared/errors';
import type { FormatId } from '../shared/model';
import { fromFsError } from './fs-errors';
import { isDirectory } from './roots';

/** Enough for any browsing session; the oldest tokens are forgotten first. */
const MAX_KNOWN = 20_000;

/**
 * Browsing for a folder to add as a root, without a path ever coming from the UI: every folder is
 * named by a token this browser made when it listed the folder itself. A token it did not make
 * (or has forgotten) names nothing. Tokens are salted per launch, so they carry no path either.
 */
export class FolderBrowser {
  private readonly salt = randomBytes(16);
  private readonly known = new Map<string, string>();

  constructor(
    private readonly home: string,
    private readonly detect: (path: string) => Promise<FormatId | null>,
  ) {}

  /** The path a token stands for; `not_found` for a token this browser never handed out. */
  pathOf(id: string): string {
    const path = this.known.get(id);
    if (path === undefined)
      throw new AppError('not_found', 'That folder is no longer known: browse to it again.');
    return path;
  }

  async browse(id?: string): Promise<FolderListing> {
    const path = id === undefined ? resolve(this.home) : this.pathOf(id);
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      throw fromFsError(error, `the folder ${path}`);
    }
    const names = await Promise.all(
      entries.map(async (entry) => {
        if (entry.isDirectory()) return entry.name;
        // A link to a folder is a folder to the person browsing.
        return entry.isSymbolicLink() && (await isDirectory(join(path, entry.name))) ? entry.name : null;
      }),
    );
    const folders = names
      .filter((name): name is string => name !== null)
      .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }))
      .map((name) => this.entry(join(path, name)));
    const trail = ancestry(path).map((each) => this.entry(each));
    const parentPath = dirname(path);
    return {
      id: this.entry(path).id,
      path,
      parent: parentPath === path ? null : this.entry(parentPath),
      trail,
      folders,
      format: await this.detect(path).catch(() => null),
    };
  }

  private entry(path: string): FolderEntry {
    const id = createHash('sha256').update(this.salt).update(path).digest('hex').slice(0, 32);
    // Re-inserted so the map's order is by last use, and the least used go first.
    this.known.delete(id);
    this.known.set(id, path);
    if (this.known.size > MAX_KNOWN) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    return { id, name: basename(path) || path };
  }
}

/** `/a/b` → [`/`, `/a`, `/a/b`]; on Windows the drive (`C:\`) comes first. */
function ancestry(path: string): string[] {
  const { root } = parse(path);
  const chain: string[] = [];
  for (let each = path; ; each = dirname(each)) {
    chain.unshift(each);
    if (each === root || dirname(each) === each) break;
  }
  return chain;
}
