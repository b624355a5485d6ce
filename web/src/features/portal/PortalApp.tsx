/**
 * The customer portal (public, no sign-in): help and policies at `/`, each policy at
 * `/policies/:policyId`, the request form at `/request` and a case's private link at `/follow/:token`.
 */
import { useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { BrandContext, portalOrg, useLoad, useTitle } from './data.ts';
import { FollowPage } from './FollowPage.tsx';
import { HomePage } from './HomePage.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { RequestPage } from './RequestPage.tsx';
import './portal.css';

function NotFound() {
  useTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
    </>
  );
}

export default function PortalApp() {
  const [location] = useLocation();
  // A private link names its own organisation; the other pages show the portal's.
  const following = location.startsWith('/follow/');
  const org = useLoad(following ? 'none' : 'org', () => (following ? Promise.resolve(null) : portalOrg()));
  const [brand, setBrand] = useState<string | null>(null);
  return (
    <BrandContext.Provider value={setBrand}>
      <PortalLayout orgName={following ? brand : (org.data?.name ?? null)}>
        <Switch>
          <Route path="/">
            <HomePage />
          </Route>
          <Route path="/policies/:policyId">{(p) => <PolicyPage policyId={p.policyId} />}</Route>
          <Route path="/request">
            <RequestPage />
          </Route>
          <Route path="/follow/:token">{(p) => <FollowPage token={p.token} />}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </PortalLayout>
    </BrandContext.Provider>
  );
}
