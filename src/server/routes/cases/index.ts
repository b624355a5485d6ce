/**
 * @module server/routes/cases
 * The cases endpoints, one module each.
 */
import type { RouteModule } from '../../app-type.ts';
import { addMessageRoute } from './add-message.ts';
import { addNoteRoute } from './add-note.ts';
import { amendEntryRoute } from './amend-entry.ts';
import { assignCaseRoute } from './assign-case.ts';
import { completeStepRoute } from './complete-step.ts';
import { createCaseRoute } from './create-case.ts';
import { deskDirectoryRoute } from './desk-directory.ts';
import { escalateCaseRoute } from './escalate-case.ts';
import { getCaseRoute } from './get-case.ts';
import { getCaseSlaRoute } from './get-case-sla.ts';
import { listCasesRoute } from './list-cases.ts';
import { logCallRoute } from './log-call.ts';
import { queueRoute } from './queue.ts';
import { transferCaseRoute } from './transfer-case.ts';
import { updateCaseRoute } from './update-case.ts';

export const CASES_ROUTES: readonly RouteModule[] = [
  createCaseRoute,
  listCasesRoute,
  getCaseRoute,
  updateCaseRoute,
  addMessageRoute,
  addNoteRoute,
  logCallRoute,
  amendEntryRoute,
  assignCaseRoute,
  transferCaseRoute,
  escalateCaseRoute,
  completeStepRoute,
  queueRoute,
  getCaseSlaRoute,
  deskDirectoryRoute,
];
