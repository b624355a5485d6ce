/**
 * The three faces on one origin: the public portal at /, the agent desk at /desk and the manager
 * console at /console. Each face is a lazily loaded chunk.
 */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import './shared/styles.css';

const PortalApp = lazy(() => import('./features/portal/PortalApp.tsx'));
const DeskApp = lazy(() => import('./features/desk/DeskApp.tsx'));
const ConsoleApp = lazy(() => import('./features/console/ConsoleApp.tsx'));

function App() {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading…
        </p>
      }
    >
      <Switch>
        <Route path="/desk" nest>
          <DeskApp />
        </Route>
        <Route path="/console" nest>
          <ConsoleApp />
        </Route>
        <Route>
          <PortalApp />
        </Route>
      </Switch>
    </Suspense>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
