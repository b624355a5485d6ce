/**
 * @module customers
 * Customers of an organisation: profiles, consent and channel restrictions, orders, lifetime value
 * derived from the orders, CSV import, and the privacy export and erasure.
 */
export { assertExternalRefFree, createCustomer, type NewCustomer } from './create-customer.ts';
export { createOrder, type NewOrder } from './create-order.ts';
export {
  type Consent,
  type CustomerContext,
  type CustomerView,
  type Db,
  DEFAULT_CONSENT,
  type MoneyTotal,
  type OrderItem,
  type OrderView,
} from './customer-view.ts';
export { ERASED_NAME, ERASED_TEXT, eraseCustomer } from './erase-customer.ts';
export { type CustomerExport, exportCustomer } from './export-customer.ts';
export { assertNotErased, requireCustomer } from './find-customer.ts';
export { type CustomerDetail, getCustomer, ORDERS_SHOWN } from './get-customer.ts';
export {
  type ImportInput,
  type ImportReport,
  type ImportResult,
  importCustomers,
} from './import-customers.ts';
export { lifetimeValue, netMinor, netOfRefunds, refundedTotals } from './lifetime-value.ts';
export { type CustomerPage, type CustomerQuery, listCustomers } from './list-customers.ts';
export { isCurrency, minorDigits, parseMajorAmount } from './money.ts';
export { MAX_IMPORT_ROWS } from './parse-customer-rows.ts';
export type { Rejection } from './read-import-csv.ts';
export { type CustomerChanges, updateCustomer } from './update-customer.ts';
