import { useSearchParams } from 'react-router';
import { parsePage, parseStatus } from './reviewQueue';

/** A queue's status filter and page, kept in the address (`?status=review&page=2`), and how to change them. */
export function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const page = parsePage(params.get('page'));
  const show = (next: { status?: string; page?: number }) => {
    const query = new URLSearchParams();
    const nextStatus = next.status ?? status;
    query.set('status', nextStatus === '' ? 'all' : nextStatus);
    if ((next.page ?? 0) > 0) query.set('page', String(next.page));
    setParams(query);
  };
  return { status, page, show };
}
