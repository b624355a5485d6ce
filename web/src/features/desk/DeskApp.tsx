/**
 * The agent desk at /desk: the queue (what breaches first on top), a case page with its timeline,
 * procedure, SLA ledger and decision panel, and the approvals inbox for approving roles.
 */
import { Link, Route, Switch } from 'wouter';
import { StaffLayout } from '../../shared/Layout.tsx';
import { RequireStaff, useMe } from '../../shared/session.tsx';
import { Approvals } from './Approvals.tsx';
import { CasePage } from './CasePage.tsx';
import { DirectoryProvider } from './data.tsx';
import { Queue } from './Queue.tsx';
import './desk.css';

function Desk() {
  const { me } = useMe();
  const approver = me.role === 'manager' || me.role === 'admin' || me.role === 'auditor';
  const nav = [
    { href: '/', label: 'Queue' },
    ...(approver ? [{ href: '/approvals', label: 'Approvals' }] : []),
  ];
  return (
    <DirectoryProvider>
      <StaffLayout face="desk" nav={nav}>
        <Switch>
          <Route path="/">
            <Queue />
          </Route>
          <Route path="/cases/:id">{(params) => <CasePage id={params.id} />}</Route>
          <Route path="/approvals">
            <Approvals />
          </Route>
          <Route>
            <main id="main">
              <h1>Not found</h1>
              <p>
                There is no such desk page. <Link href="/">Back to the queue</Link>
              </p>
            </main>
          </Route>
        </Switch>
      </StaffLayout>
    </DirectoryProvider>
  );
}

export default function DeskApp() {
  return (
    <RequireStaff face="desk">
      <Desk />
    </RequireStaff>
  );
}
