/**
 * @module server/errors
 * One error type for the caller's mistakes and one table from code to HTTP status. Everything goes
 * out as RFC 9457 problem details (`application/problem+json`); unknown errors are logged and become
 * a 500 without internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export const STATUS = {
  validation: 400,
  'bad-request': 400,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'version-conflict': 409,
  'idempotency-conflict': 409,
  'budget-exhausted': 409,
  'procedure-incomplete': 409,
  'channel-restricted': 409,
  'invalid-transition': 409,
  'customer-erased': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'policy-error': 422,
  'import-rejected': 422,
  'rate-limited': 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** A failure the caller can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

const TITLES: Partial<Record<ErrorCode, string>> = {
  validation: 'Invalid request',
  unauthenticated: 'Sign in required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
};

/** Installs the error handler and the not-found handler. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    let code: ErrorCode = 'internal';
    let detail = 'Something went wrong on our side; it has been logged.';
    let errors: readonly FieldError[] | undefined;
    if (err instanceof AppError) {
      code = err.code;
      detail = err.message;
      errors = err.errors;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'validation';
      detail = 'The request has invalid fields.';
      errors = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message ?? 'invalid',
      }));
    } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
      const status = err.statusCode;
      code =
        status === 413
          ? 'payload-too-large'
          : status === 415
            ? 'unsupported-media-type'
            : status === 429
              ? 'rate-limited'
              : status === 404
                ? 'not-found'
                : 'bad-request';
      detail = err.message;
    } else {
      request.log.error({ err }, 'unhandled error');
    }
    const status = STATUS[code];
    void reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://charter.example/problems/${code}`,
        title: TITLES[code] ?? code.replace(/-/g, ' '),
        status,
        code,
        detail,
        ...(errors ? { errors } : {}),
        instance: request.url,
      });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'https://charter.example/problems/not-found',
        title: 'Not found',
        status: 404,
        code: 'not-found',
        detail: `No route ${request.method} ${request.url.split('?')[0]}`,
        instance: request.url,
      });
  });
}
