/**
 * The staff top bar: the faces this role may use, who is signed in, one's account (password and
 * API tokens) and signing out.
 * Links are plain anchors between faces (each face is its own chunk) and wouter links inside one.
 */
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { AccountPanel } from './AccountPanel.tsx';
import { useMe } from './session.tsx';

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

export function StaffLayout({
  face,
  nav,
  children,
}: {
  face: string;
  nav: readonly NavItem[];
  children: ReactNode;
}) {
  const { me, signOut } = useMe();
  const [location] = useLocation();
  const [account, setAccount] = useState(false);
  return (
    <>
      <header className="topbar">
        <span className="brand">Charter · {face}</span>
        <nav aria-label={`${face} sections`}>
          {nav.map((n) => (
            <Link
              key={n.href}
              href={n.href}
              aria-current={
                location === n.href || (n.href !== '/' && location.startsWith(`${n.href}/`))
                  ? 'page'
                  : undefined
              }
            >
              {n.label}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        <nav aria-label="Faces">
          <a href="/desk">Desk</a>
          {(me.role === 'manager' || me.role === 'admin' || me.role === 'auditor') && (
            <a href="/console">Console</a>
          )}
          <a href="/">Portal</a>
        </nav>
        <span>
          {me.name} ({me.role}, {me.org.name})
        </span>
        <button type="button" aria-expanded={account} onClick={() => setAccount((v) => !v)}>
          Account
        </button>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      {account && <AccountPanel onClose={() => setAccount(false)} />}
      {children}
    </>
  );
}
