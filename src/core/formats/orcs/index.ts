/**
 * The ORCS format (formats.md §1): `orcs_runtime::session` sessions, one `<id>.json` per session.
 * The Library uses `orcsFormat`; the rest is exported for tools and tests that speak ORCS itself.
 */
import type { SessionDetail, SessionSummary, TurnPage } from '../../../shared/model';
import type { Enumeration, FormatAdapter, FormatStore, RootHandle } from '../format';
import { sessionPath } from './id';
import { OrcsStorageError } from './errors';
import { detailOf, summaryOf, turnPage } from './model';
import { defaultPlaces, detect } from './places';
import { LocalFileStore } from './store';
import type { StoreOptions } from './store';

export class OrcsFormatStore implements FormatStore {
  readonly store: LocalFileStore;
  private readonly rootId: string;

  constructor(root: RootHandle, options: StoreOptions = {}) {
    this.rootId = root.id;
    this.store = new LocalFileStore(root.path, options);
  }

  async list(): Promise<SessionSummary[]> {
    return (await this.store.scan()).map((d) => summaryOf(this.rootId, d));
  }

  async enumerate(): Promise<Enumeration> {
    const sessions = (await this.store.ids()).map((id) => {
      const path = sessionPath(this.store.basePath, id);
      return { id, path, key: path };
    });
    return { sessions, shared: [] };
  }

  async summary(id: string): Promise<SessionSummary> {
    return summaryOf(this.rootId, await this.store.digest(id));
  }

  async detail(id: string): Promise<SessionDetail> {
    const { digest, asset } = await this.readable(id);
    return detailOf(summaryOf(this.rootId, digest), asset);
  }

  async turns(id: string, from: number, count: number): Promise<TurnPage> {
    return turnPage((await this.readable(id)).asset, from, count);
  }

  async rename(id: string, title: string | null): Promise<SessionSummary> {
    return summaryOf(this.rootId, await this.store.rename(id, title));
  }

  async files(id: string): Promise<string[]> {
    return [(await this.store.digest(id)).path];
  }

  private async readable(id: string) {
    const { digest, asset } = await this.store.session(id);
    if (!asset)
      throw new OrcsStorageError('Serialization', `session ${id} cannot be read: ${digest.damaged ?? ''}`);
    return { digest, asset };
  }
}

export const orcsFormat: FormatAdapter = {
  id: 'orcs',
  defaultPlaces,
  detect,
  open: (root) => new OrcsFormatStore(root),
};

export { LocalFileStore } from './store';
export type { Loaded, SessionDigest, SessionMeta, SessionStore, StoreOptions, SyncStatus } from './store';
export type { SessionAsset } from './asset';
export { parseAsset } from './asset';
export { serializeAsset } from './serialize';
export { isSessionId } from './id';
export { OrcsStorageError } from './errors';
export type { StorageErrorKind } from './errors';
