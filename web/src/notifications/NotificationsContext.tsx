import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext';
import { unwrap } from '../api/client';
import type { components } from '../api/generated/notification-service';
import { useAuth } from '../auth/AuthContext';
import { runEventStream, type StreamStatus } from './sse';

export type Notification = components['schemas']['NotificationView'];

/** Notification types start with their area: `kyc.`, `wallet.`, `transfer.`, `claim.`, `provider.`. */
export type NotificationFilter = string | readonly string[];

export interface NotificationsValue {
  /** Newest first: the last page loaded, then everything the live stream brought. */
  items: Notification[];
  unreadCount: number;
  /** The live stream's state; `closed` with `error` when it was refused. */
  status: StreamStatus | 'off';
  error: unknown;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  /** Calls `handler` for each live notification whose type starts with one of the prefixes; returns the unsubscribe. */
  subscribe(filter: NotificationFilter, handler: (notification: Notification) => void): () => void;
}

const NotificationsContext = createContext<NotificationsValue | null>(null);

export const STREAM_PATH = '/notifications/me/stream';
const PAGE_SIZE = 50;

export function matchesFilter(type: string | undefined, filter: NotificationFilter): boolean {
  const prefixes = typeof filter === 'string' ? [filter] : filter;
  return type !== undefined && prefixes.some((prefix) => type.startsWith(prefix));
}

interface ListState {
  items: Notification[];
  unreadCount: number;
}

export type ListAction =
  | { type: 'loaded'; items: Notification[]; unreadCount: number }
  | { type: 'received'; notification: Notification }
  | { type: 'read'; notification: Notification }
  | { type: 'all-read'; at: string };

/** The list and the unread count, kept together so that a replayed event is counted once. */
export function notificationsReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'loaded':
      return { items: action.items, unreadCount: action.unreadCount };
    case 'received': {
      const incoming = action.notification;
      if (state.items.some((n) => n.id === incoming.id)) return state; // a replay after reconnecting
      return { items: [incoming, ...state.items], unreadCount: state.unreadCount + (incoming.read_at ? 0 : 1) };
    }
    case 'read': {
      const before = state.items.find((n) => n.id === action.notification.id);
      const wasUnread = before ? !before.read_at : false;
      return {
        items: state.items.map((n) => (n.id === action.notification.id ? { ...n, ...action.notification } : n)),
        unreadCount: Math.max(0, state.unreadCount - (wasUnread ? 1 : 0)),
      };
    }
    case 'all-read':
      return { items: state.items.map((n) => (n.read_at ? n : { ...n, read_at: action.at })), unreadCount: 0 };
  }
}

/**
 * The signed-in user's notifications: the newest page, then live over the stream. `enabled` is false for
 * people without in-app notifications (a platform admin outside any organization).
 */
export function NotificationsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const api = useApi();
  const { getAccessToken } = useAuth();
  const [{ items, unreadCount }, dispatch] = useReducer(notificationsReducer, { items: [], unreadCount: 0 });
  const [status, setStatus] = useState<NotificationsValue['status']>('off');
  const [error, setError] = useState<unknown>(null);
  const subscribers = useRef(new Set<{ filter: NotificationFilter; handler: (n: Notification) => void }>());

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const [page, unread] = await Promise.all([
        unwrap(api.notification.GET('/notifications/me', { params: { query: { size: PAGE_SIZE } }, signal })),
        unwrap(api.notification.GET('/notifications/me', { params: { query: { unread: true, size: 1 } }, signal })),
      ]);
      const loaded = page.items ?? [];
      dispatch({ type: 'loaded', items: loaded, unreadCount: unread.total ?? 0 });
      setError(null);
      // Resume right after what was loaded (0 = from the start), so nothing between the two is missed.
      const newest = Math.max(0, ...loaded.map((n) => n.seq ?? 0));
      await runEventStream({
        url: STREAM_PATH,
        signal,
        lastEventId: String(newest),
        async headers(): Promise<Record<string, string>> {
          const token = await getAccessToken();
          return token ? { Authorization: `Bearer ${token}` } : {};
        },
        onStatus(next, failure) {
          setStatus(next);
          if (next === 'open') setError(null);
          else if (failure !== undefined) setError(failure);
        },
        onMessage(message) {
          if (message.event !== 'notification') return;
          let notification: Notification;
          try {
            notification = JSON.parse(message.data) as Notification;
          } catch {
            return;
          }
          dispatch({ type: 'received', notification });
          for (const { filter, handler } of subscribers.current) {
            if (matchesFilter(notification.type, filter)) handler(notification);
          }
        },
      });
    })().catch((failure: unknown) => {
      if (signal.aborted) return;
      setError(failure);
      setStatus('closed');
    });
    return () => controller.abort();
  }, [enabled, api, getAccessToken]);

  const markRead = useCallback(
    async (id: string) => {
      const notification = await unwrap(api.notification.POST('/notifications/{id}/read', { params: { path: { id } } }));
      dispatch({ type: 'read', notification: { ...notification, id } });
    },
    [api],
  );

  const markAllRead = useCallback(async () => {
    await unwrap(api.notification.POST('/notifications/me/read-all'));
    dispatch({ type: 'all-read', at: new Date().toISOString() });
  }, [api]);

  const subscribe = useCallback((filter: NotificationFilter, handler: (n: Notification) => void) => {
    const entry = { filter, handler };
    subscribers.current.add(entry);
    return () => {
      subscribers.current.delete(entry);
    };
  }, []);

  const value = useMemo<NotificationsValue>(
    () => ({ items, unreadCount, status, error, markRead, markAllRead, subscribe }),
    [items, unreadCount, status, error, markRead, markAllRead, subscribe],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications() outside <NotificationsProvider>');
  return value;
}

/**
 * Runs `handler` for each live notification of the given types while the component is mounted; pages
 * use it to reload what a notification announces:
 *
 *     const kyc = useAsync(…);
 *     useNotificationEvents('kyc.', kyc.reload);
 */
export function useNotificationEvents(filter: NotificationFilter, handler: (notification: Notification) => void): void {
  const { subscribe } = useNotifications();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = typeof filter === 'string' ? filter : filter.join('\n');
  useEffect(() => subscribe(key.split('\n'), (n) => latest.current(n)), [subscribe, key]);
}
