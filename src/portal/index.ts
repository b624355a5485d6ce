/**
 * @module portal
 * The customer portal's public operations: the organisation a request is about, the public policies
 * in force, hours of operation and the response promise from the charter, order look-up by number
 * and email, filing a request (case, first message, private link), following a case by its private
 * link and replying, and the rate limits on all public writes.
 */
export { type FiledRequest, fileRequest, NO_MATCH, type PortalRequest } from './file-request.ts';
export { type MatchedOrder, matchOrder, normaliseOrderNumber } from './find-order.ts';
export {
  caseByToken,
  type FollowedCase,
  type FollowItem,
  type FollowView,
  followView,
} from './follow-case.ts';
export {
  type HoursOfOperation,
  hoursOfOperation,
  MAX_DAYS,
  type OpenInterval,
  type PublicCalendar,
} from './hours-of-operation.ts';
export { defaultOrg, orgById, orgBySlug, type PortalOrg } from './portal-org.ts';
export { getPublicPolicy, listPublicPolicies, type PublicPolicy } from './public-policies.ts';
export { FILING_LIMIT, type Limit, REPLY_LIMIT, takeAttempt } from './rate-limit.ts';
export { reissueLink } from './reissue-link.ts';
export { replyByLink } from './reply.ts';
export {
  PORTAL_CHANNEL,
  PORTAL_PRIORITY,
  type PromisedDeadline,
  type PromisedTarget,
  promisedDeadlines,
  type ResponsePromise,
  responsePromise,
} from './response-promise.ts';
