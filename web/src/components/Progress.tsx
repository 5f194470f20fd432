import { useEffect, useState } from 'react';

interface ProgressProps {
  /** What is going on, e.g. "Loading your wallet" or "Testing the Dfns credentials". */
  label: string;
  /** After this many ms, also say for how long it has been running (long operations). */
  patienceMs?: number;
}

/** An indeterminate progress indicator, announced politely; long waits show the elapsed time. */
export function Progress({ label, patienceMs = 3000 }: ProgressProps) {
  const [started] = useState(() => Date.now());
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(Date.now() - started), 1000);
    return () => clearInterval(timer);
  }, [started]);
  const seconds = Math.round(elapsed / 1000);
  return (
    <div role="status" className="progress">
      <progress aria-hidden="true" />
      <span>
        {label}…{elapsed >= patienceMs && <span className="muted"> still working ({seconds} s)</span>}
      </span>
    </div>
  );
}
