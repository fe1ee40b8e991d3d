import { registerEnumType } from 'type-graphql';

/** Editors write articles; admins also manage keys, read history and delete. */
export enum Role {
  EDITOR = 'editor',
  ADMIN = 'admin',
}
registerEnumType(Role, { name: 'ApiKeyRole', description: 'editor: write articles, categories, sources; admin: also keys, history and deletion.' });

export const ROLES: readonly Role[] = [Role.EDITOR, Role.ADMIN];

/** Who is calling: the key that authenticated the request. */
export interface Principal {
  keyId: number;
  name: string;
  role: Role;
}

/** What `keys list` and `apiKeys` show of a key: never the key, never its hash. */
export interface ApiKeyRecord {
  id: number;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
