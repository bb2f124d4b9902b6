import type { AuthChecker } from 'type-graphql';
import type { ApiRole } from '../shared/config';
import type { GraphQLContext } from '../shared/context';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';

const RANK: Record<ApiRole, number> = { editor: 1, admin: 2 };

/**
 * Backs `@Authorized('editor' | 'admin')`: no key is UNAUTHENTICATED, a key of a lower role FORBIDDEN.
 * An admin may do all an editor may.
 */
export const authChecker: AuthChecker<GraphQLContext, ApiRole> = ({ context }, roles) => {
  const caller = context.caller;
  if (!caller) throw new UnauthenticatedError();
  const needed = Math.min(...roles.map((role) => RANK[role]));
  if (RANK[caller.role] < needed) {
    throw new ForbiddenError(`This operation needs the ${roles.join(' or ')} role; the key has ${caller.role}`);
  }
  return true;
};
