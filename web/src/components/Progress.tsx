import { useEffect, useState } from 'react';

interface ProgressProps {
  /** What is going on, e.g. "Loading your wallet" or "Testing the Dfns credentials". */
  label: string;
  /** After this many ms, also say for how long it has been running (long operations). */
  patienceMs?: number;
  /** How far along, out of `max` (an upload's bytes): a measured bar with its percentage in words. */
  value?: number;
  max?: number;
}

/**
 * A progress indicator, announced politely: indeterminate, or measured when `value` and `max` are given; long waits
 * show the elapsed time.
 */
export function Progress({ label, patienceMs = 3000, value, max }: ProgressProps) {
  const [started] = useState(() => Date.now());
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(Date.now() - started), 1000);
    return () => clearInterval(timer);
  }, [started]);
  const seconds = Math.round(elapsed / 1000);
  const measured = value !== undefined && max !== undefined && max > 0;
  const percent = measured ? Math.min(100, Math.floor((value / max) * 100)) : null;
  return (
    <div role="status" className="progress">
      {/* The words say the same, for screen readers, without announcing every step of the bar. */}
      {measured ? <progress aria-hidden="true" value={Math.min(value, max)} max={max} /> : <progress aria-hidden="true" />}
      <span>
        {label}…{percent !== null && ` ${percent}%`}
        {elapsed >= patienceMs && <span className="muted"> still working ({seconds} s)</span>}
      </span>
    </div>
  );
}
