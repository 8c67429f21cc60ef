import { z } from '@hono/zod-openapi';

/** What a key may do. Each route names the roles it admits. */
export const roleSchema = z.enum(['admin', 'coordinator', 'volunteer', 'logistics']).openapi('Role');
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;

/** `"*"` means every shelter (or pickup point) of the key's reach; a list restricts it. */
const scopeListSchema = z.union([z.literal('*'), z.array(z.string().min(1).max(64)).max(100)]);

export const keyScopeSchema = z
  .object({
    shelterIds: scopeListSchema.default('*'),
    pickupPointIds: scopeListSchema.default('*'),
  })
  .openapi('KeyScope');
export type KeyScope = z.infer<typeof keyScopeSchema>;

/** A stored key: only the hash of its secret is kept. */
export interface ApiKeyRecord {
  id: string;
  secretHash: string;
  role: Role;
  orgId: string;
  scope: KeyScope;
  label: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** Who is calling, as every use case sees it. */
export interface Principal {
  keyId: string;
  role: Role;
  orgId: string;
  scope: KeyScope;
}

export function scopeAllows(list: KeyScope['shelterIds'], id: string): boolean {
  return list === '*' || list.includes(id);
}
