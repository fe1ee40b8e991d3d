import { UseMiddleware } from 'type-graphql';
import { Errors } from '../errors/error.catalogue';
import { Role, type Principal } from './auth.types';

/** What the role checks need of a GraphQL context (HTTP and WebSocket alike). */
export interface AuthContext {
  principal: Principal | null;
}

/** Any key: editors and admins. Throws UNAUTHENTICATED / MISSING_KEY without one. */
export function requireEditor(context: AuthContext): Principal {
  if (!context.principal) throw Errors.missingKey();
  return context.principal;
}

/** Admin keys only: keys, history, deletion. FORBIDDEN / ROLE_REQUIRED for an editor key. */
export function requireAdmin(context: AuthContext): Principal {
  const principal = requireEditor(context);
  if (principal.role !== Role.ADMIN) throw Errors.roleRequired(Role.ADMIN, principal.role);
  return principal;
}

/** True when the caller holds a key: editors see drafts and archived articles. */
export function isEditor(context: AuthContext): boolean {
  return context.principal != null;
}

/**
 * The role check for one field (e.g. `@EditorOnly() @FieldResolver() suggestedCategories`):
 * a middleware on that field only, so other fields stay synchronous.
 */
export function EditorOnly(): MethodDecorator & PropertyDecorator {
  return UseMiddleware(({ context }, next) => {
    requireEditor(context as AuthContext);
    return next();
  });
}

export function AdminOnly(): MethodDecorator & PropertyDecorator {
  return UseMiddleware(({ context }, next) => {
    requireAdmin(context as AuthContext);
    return next();
  });
}
