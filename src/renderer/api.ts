/**
 * The one client the UI talks to, whichever host serves it: the preload bridge inside Electron,
 * the browser host's HTTP + server-sent events elsewhere. Both answer the same envelopes.
 */
import { callNames } from '../shared/api';
import type { Bridge, CallEnvelope, CallInput, CallName, CallOutput, EventName, Events } from '../shared/api';
import { unwrap } from '../shared/errors';

export interface Client {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

function bridgeClient(bridge: Bridge): Client {
  return {
    async call(name, input) {
      const [domain, verb] = name.split('.') as [keyof Bridge, string];
      const verbs = bridge[domain] as unknown as Record<
        string,
        (value: unknown) => Promise<CallEnvelope<typeof name>>
      >;
      const invoke = verbs[verb];
      if (!invoke || !callNames.includes(name)) throw new Error(`the app does not offer ${name}`);
      return unwrap(await invoke(input));
    },
    on(event, listener) {
      return bridge.events[event](listener);
    },
  };
}

function httpClient(token: string): Client {
  const headers = { 'Content-Type': 'application/json', 'X-Sessionscope-Token': token };
  let source: EventSource | null = null;
  return {
    async call(name, input) {
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
      if (response.status === 401)
        throw new Error('This page has no valid token: open the address the server printed.');
      return unwrap((await response.json()) as CallEnvelope<typeof name>);
    },
    on(event, listener) {
      source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const handle = (message: MessageEvent<string>) =>
        listener(JSON.parse(message.data) as Events[typeof event]);
      source.addEventListener(event, handle);
      // A change made before the stream opened (or while it reconnected) was sent to no one:
      // the first list's own index pass can finish before this connection is up.
      const missed = () => {
        if (event === 'library.changed') listener({ root: null } as Events[typeof event]);
      };
      source.addEventListener('open', missed);
      return () => {
        source?.removeEventListener(event, handle);
        source?.removeEventListener('open', missed);
      };
    },
  };
}

function createClient(): Client {
  if (window.sessionscope) return bridgeClient(window.sessionscope);
  return httpClient(new URLSearchParams(window.location.search).get('token') ?? '');
}

export const client: Client = createClient();

/** Where there is no opener in the host (the browser host), the page itself opens the link. */
export async function openExternal(href: string): Promise<void> {
  const { url, opened } = await client.call('app.openExternal', { url: href });
  if (url && !opened) window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * The link a browser-host export ticket downloads from. A download is a plain navigation the
 * browser saves, which cannot send the token header, so the token rides in the query as it does
 * for the event stream; only the browser host issues tickets.
 */
export function exportDownloadHref(ticket: string): string {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return `/api/export/${encodeURIComponent(ticket)}?token=${encodeURIComponent(token)}`;
}

/**
 * Copies through Electron's main process, since the page there holds no clipboard permission;
 * a browser page writes its own, which localhost, a secure context, may.
 */
export async function copyText(text: string): Promise<void> {
  if (window.sessionscope) {
    const { copied } = await client.call('app.copyText', { text });
    if (copied) return;
  }
  await navigator.clipboard.writeText(text);
}
