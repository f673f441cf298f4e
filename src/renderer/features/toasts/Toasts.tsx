import { X } from 'lucide-react';
import { useEffect } from 'react';
import type { Toast } from '../../store/toastSlice';
import { useAppStore } from '../../store/store';

const lifetimeMs = 8000;

export function Toasts() {
  const toasts = useAppStore((state) => state.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((state) => state.dismiss);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(toast.id), lifetimeMs);
    return () => window.clearTimeout(timer);
  }, [dismiss, toast.id]);
  return (
    <div className={`toast ${toast.tone}`}>
      <span>{toast.message}</span>
      {toast.actions?.map((action) => (
        <button
          key={action.label}
          type="button"
          onClick={() => {
            dismiss(toast.id);
            void action.run();
          }}
        >
          {action.label}
        </button>
      ))}
      <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
