import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAppError, type ErrorKind } from '#core/errors.ts';
import type { Logger } from '../log.ts';

/** RFC 9457 problem details, with our stable `code` and the request id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    requestId: z.string().optional(),
  })
  .describe('RFC 9457 problem details');

const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function typeOf(code: string | undefined): string {
  return code ? `urn:waakzaam:problem:${code.toLowerCase().replace(/_/g, '-')}` : 'about:blank';
}

export function problem(status: number, request: FastifyRequest, detail?: string, code?: string, extra?: Record<string, unknown>): Problem {
  return {
    type: typeOf(code),
    title: titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0],
    ...(code === undefined ? {} : { code }),
    requestId: request.id,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/**
 * The one error handler: domain errors, validation errors and Fastify's own 4xx errors become
 * problem+json with a precise detail; anything else is logged and answered with a bare 500.
 */
export function createErrorHandler(log: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (isAppError(error)) {
      return sendProblem(reply, problem(statusOfKind[error.kind], request, error.message, error.code, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        location: error.validationContext ?? 'body',
        path: issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)',
        message: issue.message,
      }));
      const first = errors[0];
      const detail = first ? `${first.location} ${first.path}: ${first.message}` : 'The request does not match the schema.';
      return sendProblem(reply, problem(400, request, detail, 'VALIDATION_FAILED', { errors }));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, problem(status, request, error.message, error.code ?? undefined));
    }
    log.error({ err: error, requestId: request.id, url: request.url }, 'unexpected error');
    return sendProblem(reply, problem(status >= 500 && status < 600 ? status : 500, request));
  };
}
