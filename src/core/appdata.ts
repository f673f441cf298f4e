import { join } from 'node:path';
import type { Environment } from './formats/format';

/**
 * The same directory Electron's app.getPath('userData') gives an app named Sessionscope, so the
 * desktop app, the browser host and the CLI share one index, trash and settings by default.
 */
export function defaultAppDataDir(env: Environment, platform: NodeJS.Platform): string {
  if (platform === 'win32')
    return join(env.vars.APPDATA ?? join(env.home, 'AppData', 'Roaming'), 'Sessionscope');
  if (platform === 'darwin') return join(env.home, 'Library', 'Application Support', 'Sessionscope');
  return join(env.vars.XDG_CONFIG_HOME || join(env.home, '.config'), 'Sessionscope');
}
