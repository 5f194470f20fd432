import { SEVERITIES, severityLabel } from './incidents';
import './org.css';

/** An incident's severity as a word in a badge coloured by it (an unknown severity stays neutral). */
export function SeverityBadge({ severity }: { severity: string | null | undefined }) {
  const known = SEVERITIES.find((s) => s === severity) ?? 'low';
  return <span className={`status severity-${known}`}>{severityLabel(severity)}</span>;
}
