// Users. `GET /user/me` is "the way to test a key" (md "Transport"): it returns the key's user
// with `access_roles`. `GET /user` lists the account's users (contacts for orders).
import { z } from 'zod';
import { IdNameSchema } from './schemas';
import type { Transport } from './transport';

export const UserSchema = z.looseObject({
  id: z.number(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  email: z.string().optional(),
  job_title: z.string().optional(),
  telephone: z.string().optional(),
  status: z.string().optional(),
  container: IdNameSchema.optional(),
  access_roles: z.array(IdNameSchema).optional(),
});
export type User = z.infer<typeof UserSchema>;

/** The md lists `id, username, account_id, container, access_roles` for /user/me: those are required. */
export const CurrentUserSchema = UserSchema.extend({
  username: z.string(),
  account_id: z.number(),
  container: IdNameSchema,
  access_roles: z.array(IdNameSchema),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const UserListSchema = z.looseObject({ users: z.array(UserSchema) });

export function getCurrentUser(t: Transport): Promise<CurrentUser> {
  return t.get('/user/me', CurrentUserSchema);
}

export async function listUsers(t: Transport): Promise<User[]> {
  return (await t.get('/user', UserListSchema)).users;
}
