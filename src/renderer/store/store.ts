import { create } from 'zustand';
import { createFindSlice } from '../features/find/findSlice';
import type { FindSlice } from '../features/find/findSlice';
import { createActionsSlice } from './actionsSlice';
import type { ActionsSlice } from './actionsSlice';
import { createCleanupSlice } from './cleanupSlice';
import type { CleanupSlice } from './cleanupSlice';
import { createExportSlice } from './exportSlice';
import type { ExportSlice } from './exportSlice';
import { createKeyboardSlice } from './keyboardSlice';
import type { KeyboardSlice } from './keyboardSlice';
import { createLibrarySlice } from './librarySlice';
import type { LibrarySlice } from './librarySlice';
import { createListSlice } from './listSlice';
import type { ListSlice } from './listSlice';
import { createSearchSlice } from './searchSlice';
import type { SearchSlice } from './searchSlice';
import { createSessionSlice } from './sessionSlice';
import type { SessionSlice } from './sessionSlice';
import { createToastSlice } from './toastSlice';
import type { ToastSlice } from './toastSlice';
import { createWritesSlice } from './writesSlice';
import type { WritesSlice } from './writesSlice';
import { createYoiSlice } from './yoiSlice';
import type { YoiSlice } from './yoiSlice';
import { createHistorySlice } from './historySlice';
import type { HistorySlice } from './historySlice';
import { createSelectionSlice } from './selectionSlice';
import type { SelectionSlice } from './selectionSlice';
import { createTrashSlice } from './trashSlice';
import type { TrashSlice } from './trashSlice';
import { createUndoSlice } from './undoSlice';
import type { UndoSlice } from './undoSlice';
import { createSettingsSlice } from './settingsSlice';
import type { SettingsSlice } from './settingsSlice';
import { createViewSlice } from './viewSlice';
import type { ViewSlice } from './viewSlice';

export type AppState = LibrarySlice &
  SessionSlice &
  ActionsSlice &
  ToastSlice &
  ListSlice &
  WritesSlice &
  CleanupSlice &
  YoiSlice &
  SearchSlice &
  UndoSlice &
  TrashSlice &
  HistorySlice &
  SelectionSlice &
  ViewSlice &
  SettingsSlice &
  FindSlice &
  KeyboardSlice &
  ExportSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createLibrarySlice(...args),
  ...createSessionSlice(...args),
  ...createActionsSlice(...args),
  ...createToastSlice(...args),
  ...createListSlice(...args),
  ...createWritesSlice(...args),
  ...createCleanupSlice(...args),
  ...createYoiSlice(...args),
  ...createSearchSlice(...args),
  ...createUndoSlice(...args),
  ...createTrashSlice(...args),
  ...createHistorySlice(...args),
  ...createSelectionSlice(...args),
  ...createViewSlice(...args),
  ...createSettingsSlice(...args),
  ...createFindSlice(...args),
  ...createKeyboardSlice(...args),
  ...createExportSlice(...args),
}));
