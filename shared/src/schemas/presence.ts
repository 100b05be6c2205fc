import { z } from 'zod';
import { roleSchema, sideIdSchema } from '../scopes.js';

/**
 * What an awareness state carries. The server overwrites `user` with the identity
 * behind each connection; `editing` is the client's own claim of what it is editing.
 * Both come from other browsers, so readers parse them.
 */
export const awarenessUserSchema = z.object({
  /** Absent for a guest connected with a bare invite token. */
  memberId: z.string().nullable().optional(),
  name: z.string().max(200),
  role: roleSchema,
  side: sideIdSchema.optional(),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

export const editingTargetSchema = z.object({ doc: z.string(), collection: z.string(), id: z.string() });
export type EditingTarget = z.infer<typeof editingTargetSchema>;
