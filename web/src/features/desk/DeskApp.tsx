/** The agent desk (placeholder until its issue work lands). */
import { RequireStaff } from '../../shared/session.tsx';

export default function DeskApp() {
  return (
    <RequireStaff face="desk">
      <main>
        <h1>desk</h1>
      </main>
    </RequireStaff>
  );
}
