/**
 * The manager console at /console: the policy library, a policy's versions, the policy editor (live
 * lint, preview, changes against the version in force, save and publish), the team and standards
 * overview, and the staff and teams (kept by admins). Loaded lazily: CodeMirror lives in this chunk only.
 */
import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { StaffLayout } from '../../shared/Layout.tsx';
import { RequireStaff, useMe } from '../../shared/session.tsx';
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
/** Admins keep the staff; managers may see it. */
const STAFF_NAV = [...NAV, { href: '/staff', label: 'Staff' }] as const;

function Console() {
  const { me } = useMe();
  const seesStaff = me.role === 'admin' || me.role === 'manager';
  return (
    <StaffLayout face="console" nav={seesStaff ? STAFF_NAV : NAV}>
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
