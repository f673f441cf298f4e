import { create } from 'zustand';
import { createActionsSlice } from './actionsSlice';
import type { ActionsSlice } from './actionsSlice';
import { createLibrarySlice } from './librarySlice';
import type { LibrarySlice } from './librarySlice';
import { createSessionSlice } from './sessionSlice';
import type { SessionSlice } from './sessionSlice';
import { createToastSlice } from './toastSlice';
import type { ToastSlice } from './toastSlice';

export type AppState = LibrarySlice & SessionSlice & ActionsSlice & ToastSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createLibrarySlice(...args),
  ...createSessionSlice(...args),
  ...createActionsSlice(...args),
  ...createToastSlice(...args),
}));
