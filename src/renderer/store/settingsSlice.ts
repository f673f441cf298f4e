import type { StateCreator } from 'zustand';
import type { ThemeChoice } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { RootInfo } from '../../shared/model';
import { client } from '../api';
import {
  applyTheme,
  storedTheme,
  storeTheme,
  systemPrefersDark,
  toggledTheme,
} from '../features/theme/theme';
import { messageOf } from './messages';
import type { AppState } from './store';

export interface SettingsSlice {
  theme: ThemeChoice;
  setTheme(choice: ThemeChoice): void;
  /** Flips between light and dark from whichever is shown now. */
  toggleTheme(): void;
  /** The in-app folder browser, for hosts without a folder dialog of their own. */
  folderBrowserOpen: boolean;
  closeFolderBrowser(): void;
  /** Asks for a folder to add: the host's own dialog where there is one, the in-app browser elsewhere. */
  addFolder(): Promise<void>;
  /** Adds a folder met in the in-app browser; the error is the caller's to show beside it. */
  addBrowsedFolder(folder: string): Promise<RootInfo>;
  removeRoot(root: RootInfo): Promise<void>;
  rescanRoot(root: RootInfo): Promise<void>;
}

/** Electron draws its own parts (dialogs, the window's background) in the chosen theme too. */
function tellHost(choice: ThemeChoice): void {
  client.call('app.setTheme', { theme: choice }).catch(() => undefined);
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => {
  const theme = storedTheme();
  if (theme !== 'system') tellHost(theme);

  const added = async (root: RootInfo) => {
    set({ folderBrowserOpen: false });
    await get().loadLibrary();
    get().notify({ message: `Added ${root.path}`, tone: 'info' });
  };

  return {
    theme,
    setTheme(choice) {
      storeTheme(choice);
      applyTheme(choice);
      tellHost(choice);
      set({ theme: choice });
    },
    toggleTheme() {
      get().setTheme(toggledTheme(get().theme, systemPrefersDark()));
    },

    folderBrowserOpen: false,
    closeFolderBrowser() {
      set({ folderBrowserOpen: false });
    },
    async addFolder() {
      try {
        const { root } = await client.call('roots.choose', {});
        if (root) await added(root);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unsupported') set({ folderBrowserOpen: true });
        else get().notify({ message: `Could not add the folder: ${messageOf(error)}`, tone: 'error' });
      }
    },
    async addBrowsedFolder(folder) {
      const root = await client.call('roots.add', { folder });
      await added(root);
      return root;
    },
    async removeRoot(root) {
      try {
        await client.call('roots.remove', { root: root.id });
        await get().loadLibrary();
        get().notify({
          message: `Removed ${root.path} from the library. Its files are untouched.`,
          tone: 'info',
        });
      } catch (error) {
        get().notify({ message: `Could not remove ${root.path}: ${messageOf(error)}`, tone: 'error' });
      }
    },
    async rescanRoot(root) {
      try {
        await client.call('roots.rescan', { root: root.id });
        await get().loadLibrary();
        get().notify({ message: `Looking through ${root.path} again`, tone: 'info' });
      } catch (error) {
        get().notify({ message: `Could not rescan ${root.path}: ${messageOf(error)}`, tone: 'error' });
      }
    },
  };
};
