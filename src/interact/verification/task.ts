/** Verification tasks (SPEC I4): a field officer is asked to check something on the spot. */
export const TASK_SUBJECTS = ['rumour', 'incident'] as const;
export type TaskSubject = (typeof TASK_SUBJECTS)[number];

export const TASK_ANSWERS = ['confirmed', 'denied', 'unverifiable'] as const;
export type TaskAnswer = (typeof TASK_ANSWERS)[number];

export const TASK_STATUSES = ['open', 'answered'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface VerificationTask {
  id: string;
  organisationId: string;
  subjectType: TaskSubject;
  subjectId: string;
  question: string;
  assigneeId: string;
  status: TaskStatus;
  answer: TaskAnswer | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  answeredBy: string | null;
  answeredAt: string | null;
}
