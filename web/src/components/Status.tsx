import type { ReactNode } from 'react';

/** Polite live region for loading states. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A message panel for errors and empty states. */
export function Notice({
  title,
  children,
  tone = 'info',
  action,
  level = 2,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'info' | 'error';
  action?: ReactNode;
  /** Use 1 when the notice replaces the page content (it then carries the page heading). */
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <Heading className="notice__title">{title}</Heading>
      {children ? <div className="notice__body">{children}</div> : null}
      {action ? <div className="notice__action">{action}</div> : null}
    </section>
  );
}
