/**
 * The manager console at /console: the policy library, a policy's versions, the policy editor (live
 * lint, preview, changes against the version in force, save and publish), the team and standards
 * overview, the staff and teams (kept by admins) and the audit log. Loaded lazily: CodeMirror lives in this chunk only.
 */
import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { StaffLayout } from '../../shared/Layout.tsx';
import { RequireStaff, useMe } from '../../shared/session.tsx';
import { AuditPage } from './AuditPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { StaffPage } from './StaffPage.tsx';
import './console.css';

// The editor (CodeMirror and its languages) is a chunk of its own: the library opens without it.
const EditorPage = lazy(() => import('./EditorPage.tsx').then((m) => ({ default: m.EditorPage })));

const NAV = [
  { href: '/', label: 'Library' },
  { href: '/standards', label: 'Standards' },
] as const;
const AUDIT = { href: '/audit', label: 'Audit log' } as const;
/** Admins keep the staff and managers may see it; both, and auditors, read the audit log. */
const MANAGER_NAV = [...NAV, { href: '/staff', label: 'Staff' }, AUDIT] as const;
const AUDITOR_NAV = [...NAV, AUDIT] as const;

function Console() {
  const { me } = useMe();
  const nav =
    me.role === 'admin' || me.role === 'manager' ? MANAGER_NAV : me.role === 'auditor' ? AUDITOR_NAV : NAV;
  return (
    <StaffLayout face="console" nav={nav}>
      <Switch>
        <Route path="/">
          <LibraryPage />
        </Route>
        <Route path="/standards">
          <OverviewPage />
        </Route>
        <Route path="/staff">
          <StaffPage />
        </Route>
        <Route path="/audit">
          <AuditPage />
        </Route>
        <Route path="/policies/:policyId/edit">
          {(params) => (
            <Suspense
              fallback={
                <p className="loading" role="status">
                  Loading the editor…
                </p>
              }
            >
              <EditorPage policyId={decodeURIComponent(params.policyId)} />
            </Suspense>
          )}
        </Route>
        <Route path="/policies/:policyId">
          {(params) => <PolicyPage policyId={decodeURIComponent(params.policyId)} />}
        </Route>
        <Route>
          <main id="main">
            <h1>Not found</h1>
            <p>
              There is no such console page. <Link href="/">Back to the library</Link>
            </p>
          </main>
        </Route>
      </Switch>
    </StaffLayout>
  );
}

export default function ConsoleApp() {
  return (
    <RequireStaff face="console">
      <Console />
    </RequireStaff>
  );
}
