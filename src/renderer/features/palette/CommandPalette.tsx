import { Command, defaultFilter } from 'cmdk';
import {
  ClipboardCopy,
  Download,
  FileText,
  History,
  RotateCcw,
  Keyboard,
  Pencil,
  RefreshCw,
  Search,
  Trash2,
  Undo2,
} from 'lucide-react';
import { Monitor, Moon, Settings, SunMoon, Sun } from 'lucide-react';
import { ChartColumn } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { formatLabels } from '../../../shared/model';
import { refKey } from '../../store/selectionSlice';
import { useAppStore } from '../../store/store';
import { currentSession, renameCurrent, trashCurrent } from '../keyboard/currentSession';
import { isMac } from '../keyboard/platform';
import { shortcutList } from '../keyboard/shortcuts';
import type { Shortcut } from '../keyboard/shortcuts';
import { sessionMatches, titleScore } from './sessionMatches';

/** Session items carry this before their key, to be scored by title rather than fuzzily. */
const sessionValue = 'session:';
const openValue = 'Open session';
const restoreChoices = 5;

const hints = new Map(shortcutList(isMac).map((shortcut) => [shortcut.id, shortcut.keys[0]]));

function Action(props: {
  value: string;
  keywords?: string[];
  icon: ReactNode;
  hint?: Shortcut['id'];
  onSelect(): void;
  children: ReactNode;
}) {
  return (
    <Command.Item value={props.value} keywords={props.keywords} onSelect={props.onSelect}>
      {props.icon}
      <span className="palette-label">{props.children}</span>
      {props.hint && <kbd>{hints.get(props.hint)}</kbd>}
    </Command.Item>
  );
}

/**
 * Ctrl/⌘+K: every action of the window and every loaded session, by typing. On the native
 * <dialog>, as the app's other dialogs, so the window behind is inert and Esc closes it.
 */
export function CommandPalette() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [browsing, setBrowsing] = useState(false);
  const [query, setQuery] = useState('');
  // Held here, not left to cmdk, because a change of page would leave no item selected.
  const [selected, setSelected] = useState('');
  const sessions = useAppStore((state) => state.sessions);
  const [first] = sessions;
  const current = useAppStore(currentSession);
  const showOverlay = useAppStore((state) => state.showOverlay);
  const openSession = useAppStore((state) => state.openSession);
  const showView = useAppStore((state) => state.showView);
  const undoLast = useAppStore((state) => state.undoLast);
  const rebuildIndex = useAppStore((state) => state.rebuildIndex);
  const toggleTheme = useAppStore((state) => state.toggleTheme);
  const setTheme = useAppStore((state) => state.setTheme);
  const openExport = useAppStore((state) => state.openExport);
  const copyAsMarkdown = useAppStore((state) => state.copyAsMarkdown);
  const trash = useAppStore((state) => state.trash);
  const restoreFromTrash = useAppStore((state) => state.restoreFromTrash);
  // The newest few deletions: the ones a person reaching for "restore" most likely means.
  const restorable = trash.status === 'ready' ? trash.value.slice(0, restoreChoices) : [];
  const matches = useMemo(() => sessionMatches(sessions, query, browsing), [sessions, query, browsing]);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    // showModal() focuses the first focusable element, which is cmdk's root (tabindex -1).
    element.querySelector<HTMLInputElement>('[cmdk-input]')?.focus();
    return () => element.close();
  }, []);

  /** The palette closes first, so what the action opens (a rename field, a view) gets the focus. */
  const act = (run: () => unknown) => () => {
    showOverlay(null);
    void run();
  };

  const sessionItems = matches.map((session) => (
    <Command.Item
      key={refKey(session.ref)}
      value={sessionValue + refKey(session.ref)}
      keywords={[session.title]}
      onSelect={act(() => openSession(session.ref))}
    >
      <FileText size={14} aria-hidden="true" />
      <span className={`palette-label${session.untitled ? ' untitled' : ''}`}>{session.title}</span>
      <span className="palette-meta">{formatLabels[session.format]}</span>
    </Command.Item>
  ));

  return (
    <dialog
      ref={dialog}
      className="dialog palette"
      aria-label="Command palette"
      // As in Dialog: a close event from an earlier mount must not dismiss this one.
      onClose={() => {
        if (!dialog.current?.open) showOverlay(null);
      }}
    >
      <Command
        label="Command palette"
        loop
        value={selected}
        onValueChange={setSelected}
        filter={(value, search, keywords) =>
          value.startsWith(sessionValue)
            ? titleScore(keywords?.[0] ?? '', search)
            : defaultFilter(value, search, keywords)
        }
      >
        <div className="palette-input">
          <Search size={15} aria-hidden="true" />
          <Command.Input
            value={query}
            onValueChange={setQuery}
            placeholder={browsing ? 'Session name…' : 'Type a command or a session name…'}
            onKeyDown={(event) => {
              // Backspace in an empty field goes back from the sessions to every action.
              if (event.key !== 'Backspace' || query !== '' || !browsing) return;
              setBrowsing(false);
              setSelected(openValue);
            }}
          />
        </div>
        <Command.List label={browsing ? 'Sessions' : 'Actions and sessions'}>
          <Command.Empty>Nothing matches.</Command.Empty>
          {browsing ? (
            <Command.Group heading="Sessions">{sessionItems}</Command.Group>
          ) : (
            <>
              <Command.Group heading="Actions">
                {sessions.length > 0 && (
                  <Action
                    value={openValue}
                    icon={<FileText size={14} aria-hidden="true" />}
                    onSelect={() => {
                      setBrowsing(true);
                      setQuery('');
                      setSelected(first ? sessionValue + refKey(first.ref) : '');
                    }}
                  >
                    Open session…
                  </Action>
                )}
                {current?.capabilities.rename && (
                  <Action
                    value="Rename"
                    icon={<Pencil size={14} aria-hidden="true" />}
                    hint="rename"
                    onSelect={act(() => renameCurrent(false))}
                  >
                    Rename “{current.title}”
                  </Action>
                )}
                {current?.capabilities.delete && (
                  <Action
                    value="Move to trash delete"
                    icon={<Trash2 size={14} aria-hidden="true" />}
                    hint="trash"
                    onSelect={act(() => trashCurrent(false))}
                  >
                    Move “{current.title}” to the trash
                  </Action>
                )}
                {current && (
                  <Action
                    value="Export session markdown html json save download"
                    icon={<Download size={14} aria-hidden="true" />}
                    onSelect={act(() => openExport({ ref: current.ref, name: current.title }))}
                  >
                    Export “{current.title}”…
                  </Action>
                )}
                {current && (
                  <Action
                    value="Copy session as Markdown clipboard"
                    icon={<ClipboardCopy size={14} aria-hidden="true" />}
                    onSelect={act(() => copyAsMarkdown({ ref: current.ref, name: current.title }))}
                  >
                    Copy “{current.title}” as Markdown
                  </Action>
                )}
                {restorable.map((item) => (
                  <Action
                    key={item.trashId}
                    value={`Restore ${item.trashId}`}
                    keywords={['restore', 'undelete', 'trash', item.title]}
                    icon={<RotateCcw size={14} aria-hidden="true" />}
                    onSelect={act(() => restoreFromTrash([item.trashId]))}
                  >
                    Restore “{item.title}” from the trash
                  </Action>
                ))}
                <Action
                  value="Recently deleted trash restore"
                  icon={<Trash2 size={14} aria-hidden="true" />}
                  onSelect={act(() => showView('trash'))}
                >
                  Recently deleted
                </Action>
                <Action
                  value="History audit log"
                  icon={<History size={14} aria-hidden="true" />}
                  onSelect={act(() => showView('history'))}
                >
                  History
                </Action>
                <Action
                  value="Show activity charts statistics tool usage"
                  icon={<ChartColumn size={14} aria-hidden="true" />}
                  onSelect={act(() => showView('activity'))}
                >
                  Show activity
                </Action>
                <Action
                  value="Undo"
                  icon={<Undo2 size={14} aria-hidden="true" />}
                  hint="undo"
                  onSelect={act(undoLast)}
                >
                  Undo the last change
                </Action>
                <Action
                  value="Reindex rebuild search index"
                  icon={<RefreshCw size={14} aria-hidden="true" />}
                  onSelect={act(rebuildIndex)}
                >
                  Rebuild the search index
                </Action>
                <Action
                  value="Open settings preferences roots folders"
                  icon={<Settings size={14} aria-hidden="true" />}
                  hint="settings"
                  onSelect={act(() => showView('settings'))}
                >
                  Open settings
                </Action>
                <Action
                  value="Toggle theme dark light"
                  icon={<SunMoon size={14} aria-hidden="true" />}
                  onSelect={act(toggleTheme)}
                >
                  Toggle theme
                </Action>
                <Action
                  value="Theme: Light"
                  icon={<Sun size={14} aria-hidden="true" />}
                  onSelect={act(() => setTheme('light'))}
                >
                  Theme: Light
                </Action>
                <Action
                  value="Theme: Dark"
                  icon={<Moon size={14} aria-hidden="true" />}
                  onSelect={act(() => setTheme('dark'))}
                >
                  Theme: Dark
                </Action>
                <Action
                  value="Theme: System"
                  icon={<Monitor size={14} aria-hidden="true" />}
                  onSelect={act(() => setTheme('system'))}
                >
                  Theme: System
                </Action>
                <Action
                  value="Keyboard shortcuts"
                  icon={<Keyboard size={14} aria-hidden="true" />}
                  hint="shortcuts"
                  onSelect={() => showOverlay('shortcuts')}
                >
                  Show keyboard shortcuts
                </Action>
              </Command.Group>
              {sessionItems.length > 0 && <Command.Group heading="Sessions">{sessionItems}</Command.Group>}
            </>
          )}
        </Command.List>
      </Command>
    </dialog>
  );
}
