/**
 * @module orgs
 * Organisations, their teams and users: created with the organisation, then kept by its admins.
 */
export { type CreatedOrg, createOrg, type NewOrg } from './create-org.ts';
export {
  addStaff,
  addTeam,
  type ChangedStaff,
  changeStaff,
  listStaff,
  type NewStaffMember,
  renameTeam,
  type StaffChange,
  type StaffContext,
  type StaffMember,
  setPassword,
  type Team,
} from './staff.ts';
