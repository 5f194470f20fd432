import { useEffect, type ReactNode } from 'react';

const APP_NAME = 'Attest console';

interface PageProps {
  title: string;
  /** Shown beside the heading: page-level actions. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** A page: its heading (the only h1) and the document title. */
export function Page({ title, actions, children }: PageProps) {
  useEffect(() => {
    document.title = title === APP_NAME ? APP_NAME : `${title} · ${APP_NAME}`;
  }, [title]);
  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
        {actions && <div className="actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
