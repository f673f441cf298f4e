import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** What the main pane shows beside the list: the open session, the trash, the history, the settings or the activity. */
export type MainView = 'session' | 'trash' | 'history' | 'settings' | 'activity';

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
