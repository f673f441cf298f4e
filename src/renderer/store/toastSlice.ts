import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  actions?: ToastAction[];
}

export interface ToastSlice {
  toasts: Toast[];
  notify(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const createToastSlice: StateCreator<AppState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  notify(toast) {
    const id = nextId++;
    // Newest last; only a few stay so an undo is always in reach without burying the window.
    set((state) => ({ toasts: [...state.toasts.slice(-2), { ...toast, id }] }));
  },
  dismiss(id) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
});
