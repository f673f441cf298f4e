import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** What the main pane shows beside the list: the open session, the trash or the history. */
export type MainView = 'session' | 'trash' | 'history';

export interface ViewSlice {
  mainView: MainView;
  showView(view: MainView): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  mainView: 'session',
  showView(view) {
    set({ mainView: view });
  },
});
