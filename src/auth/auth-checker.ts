import type { AuthChecker } from 'type-graphql';
import type { ApiRole } from '../shared/config';
import type { Caller, GraphQLContext } from '../shared/context';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';

const RANK: Record<ApiRole, number> = { editor: 1, admin: 2 };

/**
 * Checks that `caller` holds one of `roles`: no key is UNAUTHENTICATED, a key of a lower role FORBIDDEN. An admin
 * may do all an editor may. `extensions` go on the error (the operation check adds the HTTP status).
 * @throws UnauthenticatedError, ForbiddenError
 */
export function checkRoles(
  caller: Caller | null,
  roles: readonly ApiRole[],
  extensions: Record<string, unknown> = {},
): void {
  if (!caller) throw new UnauthenticatedError(undefined, extensions);
  const needed = Math.min(...roles.map((role) => RANK[role]));
  if (RANK[caller.role] < needed) {
    throw new ForbiddenError(
      `This operation needs the ${roles.join(' or ')} role; the key has ${caller.role}`,
      extensions,
    );
  }
}

/**
 * Backs `@Authorized('editor' | 'admin')` field by field. The operation-auth plugin refuses such operations
 * before they run; this stays as the guard of each field.
 */
export const authChecker: AuthChecker<GraphQLContext, ApiRole> = ({ context }, roles) => {
  checkRoles(context.caller, roles);
  return true;
};
