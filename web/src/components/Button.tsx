import type { ButtonHTMLAttributes, MouseEvent } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The operation this button started is running: shows `pendingLabel`, ignores clicks, stays focusable. */
  pending?: boolean;
  /** Label while pending, e.g. "Saving…" (default: the label with a spinner). */
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
}

/** A button that shows that its operation is running (aria-busy) and cannot be sent twice meanwhile. */
export function Button({
  pending = false,
  pendingLabel,
  variant = 'secondary',
  type = 'button',
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const guard = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      event.preventDefault(); // also keeps a submit button from submitting again
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      aria-busy={pending || undefined}
      aria-disabled={pending || rest['aria-disabled'] || undefined}
      onClick={guard}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
