/**
 * @module server/routes/staff
 * The organisation's staff and teams, kept by its admins.
 */
import type { RouteModule } from '../../app-type.ts';
import { addStaffRoute } from './add-staff.ts';
import { addTeamRoute } from './add-team.ts';
import { changeStaffRoute } from './change-staff.ts';
import { listStaffRoute } from './list-staff.ts';
import { renameTeamRoute } from './rename-team.ts';
import { resetPasswordRoute } from './reset-password.ts';

export const STAFF_ROUTES: readonly RouteModule[] = [
  listStaffRoute,
  addStaffRoute,
  changeStaffRoute,
  resetPasswordRoute,
  addTeamRoute,
  renameTeamRoute,
];
