import { join } from 'node:path';

export interface AppPathsInput {
  /** The directory of the built main bundle (out/main). */
  mainDir: string;
  isPackaged: boolean;
  /** `process.resourcesPath`: the packaged app's resources folder. */
  resourcesPath: string;
}

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  resourcesDir: string;
}

/**
 * Where the built renderer, the preload and the app's own resources (demo sessions) live. Found
 * from the main bundle rather than app.getAppPath(), which is out/main itself when Electron is
 * started on the script (as Playwright's `_electron.launch` may) instead of on the repository.
 */
export function appPaths({ mainDir, isPackaged, resourcesPath }: AppPathsInput): AppPaths {
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    resourcesDir: isPackaged ? resourcesPath : join(mainDir, '..', '..', 'resources'),
  };
}
