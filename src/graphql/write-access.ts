import { Errors } from '../errors/error.catalogue';
import type { GraphQLContext } from './context';

/** Writes are for editors. Until editor API keys exist, only the development escape hatch lets them through. */
export function assertCanWrite({ config }: GraphQLContext): void {
  if (!config.allowUnauthenticatedWrites) throw Errors.writesDisabled();
}
