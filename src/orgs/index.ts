/**
 * @module orgs
 * Organisations, their teams and users.
 */
export { type CreatedOrg, createOrg, type NewOrg } from './create-org.ts';
