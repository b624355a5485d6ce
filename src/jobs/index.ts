/**
 * @module jobs
 * Due-time jobs (follow-ups, SLA warnings and breaches, survey sends, review reminders), claimed
 * with a lease so that several server processes never run one twice.
 */
export { cancelJob, enqueueJob, type NewJob } from './enqueue-job.ts';
export { type JobHandler, type RunOptions, type RunReport, runDueJobs } from './run-jobs.ts';
