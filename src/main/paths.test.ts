import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './paths';

const mainDir = join('/repo', 'out', 'main');

describe('appPaths', () => {
  it('finds the renderer and the CommonJS preload beside the main bundle', () => {
    const paths = appPaths({ mainDir, isPackaged: false, resourcesPath: '/electron/resources' });
    expect(paths.rendererDir).toBe(join('/repo', 'out', 'renderer'));
    expect(paths.preloadPath).toBe(join('/repo', 'out', 'preload', 'index.cjs'));
  });

  it("uses the repository's resources folder when unpackaged", () => {
    const paths = appPaths({ mainDir, isPackaged: false, resourcesPath: '/electron/resources' });
    expect(paths.resourcesDir).toBe(join('/repo', 'resources'));
  });

  it("uses the packaged app's resources folder when packaged", () => {
    const paths = appPaths({ mainDir, isPackaged: true, resourcesPath: '/opt/Sessionscope/resources' });
    expect(paths.resourcesDir).toBe('/opt/Sessionscope/resources');
  });
});
