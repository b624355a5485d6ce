/**
 * @module decisions/not-in-force
 * The charter in force on the decision's date cannot make it at all: it has no such decision, or no
 * `Grant authority` decision to say who may grant. Its own class (the HTTP answer is the plain
 * AppError it extends) so that callers replaying history — the demo seed — can tell "not yet in
 * force" from a charter that is broken, which must not be passed over.
 */
import { AppError, type FieldError } from '../server/errors.ts';

export class NotInForce extends AppError {
  constructor(code: 'validation' | 'policy-error', message: string, errors?: readonly FieldError[]) {
    super(code, message, errors);
  }
}
