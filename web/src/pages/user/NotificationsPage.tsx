import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAsync';
import { useNotifications, type Notification } from '../../notifications/NotificationsContext';
import { consolePathOf } from './notificationLinks';
import { When } from './parts';

function streamWords(status: string): string {
  switch (status) {
    case 'open':
      return 'Live: new notifications appear here as they happen.';
    case 'connecting':
      return 'Connecting to live updates…';
    case 'reconnecting':
      return 'Live updates interrupted; reconnecting…';
    case 'closed':
      return 'Live updates are off.';
    default:
      return 'Live updates are not available for your account.';
  }
}

function Item({ notification }: { notification: Notification }) {
  const { markRead } = useNotifications();
  const read = useAction((id: string) => markRead(id));
  const unread = !notification.read_at;
  const path = consolePathOf(notification.type);
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <div className="notification-text">
        {unread && <span className="tag tag-info">Unread</span>} {notification.text}
        <div className="muted">
          <When at={notification.created_at} />
          {path && (
            <>
              {' · '}
              <Link to={path}>Open</Link>
            </>
          )}
        </div>
      </div>
      {unread && notification.id && (
        <Button
          onClick={() => read.run(notification.id!)}
          pending={read.pending}
          pendingLabel="Marking…"
          aria-label={`Mark read: ${notification.text ?? 'notification'}`}
        >
          Mark read
        </Button>
      )}
      <ErrorMessage error={read.error} title="Could not mark it read" />
    </li>
  );
}

/** `/notifications`: the newest notifications, live, with the unread ones marked; mark one or all read. */
export default function NotificationsPage() {
  const { items, unreadCount, status, error, markAllRead } = useNotifications();
  const all = useAction(() => markAllRead());
  return (
    <Page
      title="Notifications"
      actions={
        unreadCount > 0 && (
          <Button onClick={() => all.run()} pending={all.pending} pendingLabel="Marking all read…">
            Mark all read
          </Button>
        )
      }
    >
      <p aria-live="polite">
        <strong>{unreadCount === 0 ? 'No unread notifications.' : `${unreadCount} unread.`}</strong>{' '}
        <span className="muted">{streamWords(status)}</span>
      </p>
      <ErrorMessage error={error} title="Could not load your notifications" />
      <ErrorMessage error={all.error} title="Could not mark them read" />
      {items.length === 0 ? (
        <p>Nothing yet. You are told here about your verification, your wallet, your transfers and your identity.</p>
      ) : (
        <ul className="notifications" aria-label="Your notifications, newest first">
          {items.map((n) => (
            <Item key={n.id ?? n.seq} notification={n} />
          ))}
        </ul>
      )}
    </Page>
  );
}
