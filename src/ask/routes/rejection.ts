import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '#platform/http/problem.ts';
import { MediaRejection, REJECTION_STATUS } from '../intake/rejection.ts';

/**
 * Runs an upload handler and answers a refused file with problem+json (413, 415 or 422, type
 * `urn:waakzaam:problem:<code>`); anything else goes to the one error handler.
 */
export async function answeringRejections(request: FastifyRequest, reply: FastifyReply, handler: () => Promise<unknown>): Promise<unknown> {
  try {
    return await handler();
  } catch (error) {
    if (!(error instanceof MediaRejection)) throw error;
    return sendProblem(reply, problem(REJECTION_STATUS[error.code], request, error.message, error.code, error.part === undefined ? undefined : { part: error.part }));
  }
}
