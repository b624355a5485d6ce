/** The portal's frame: skip link, banner with the organisation's name, navigation, main, footer. */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

export function PortalLayout({ orgName, children }: { orgName: string | null; children: ReactNode }) {
  const [location] = useLocation();
  const current = (href: string) =>
    (href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`))
      ? 'page'
      : undefined;
  return (
    <div className="portal">
      <a className="portal-skip" href="#main">
        Skip to content
      </a>
      <header className="portal-header">
        <Link href="/" className="portal-brand">
          {orgName ?? 'Customer service'}
          <span className="portal-brand-sub"> · Customer service</span>
        </Link>
        <nav aria-label="Customer service">
          <Link href="/" aria-current={current('/')}>
            Help and policies
          </Link>
          <Link href="/request" aria-current={current('/request')}>
            Make a request
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        {children}
      </main>
      <footer className="portal-footer">
        <p>
          Policies shown here are the ones our team works to: the same documents decide refunds, response
          times and opening hours.
        </p>
      </footer>
    </div>
  );
}

export function LoadingNote() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}

export function ErrorNote({ message }: { message: string }) {
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
