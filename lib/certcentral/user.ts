// Users. `GET /user/me` is "the way to test a key" (docs/certcentral-api.md "Transport"): it returns
// the key's user with `access_roles`. `GET /user` lists the account's users (contacts for orders).
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { IdNameSchema, listOf, opt, type ReadList } from './schemas';
import type { Transport } from './transport';

export const UserSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    username: opt(z.string()),
    first_name: opt(z.string()),
    last_name: opt(z.string()),
    email: opt(z.string()),
    job_title: opt(z.string()),
    telephone: opt(z.string()),
    status: opt(z.string()),
    account_id: opt(z.number()),
    container: opt(IdNameSchema),
    // A key without restrictions may list no roles at all; "none" and "not given" read the same.
    access_roles: listOf(IdNameSchema),
  }),
);
export type User = z.infer<typeof UserSchema>;

/** `/user/me` in the same tolerant shape: only the user's id is required to say the key works. */
export const CurrentUserSchema = UserSchema;
export type CurrentUser = User;

export const UserListSchema = lazySchema(() => z.looseObject({ users: listOf(UserSchema) }));

export function getCurrentUser(t: Transport): Promise<CurrentUser> {
  return t.get('/user/me', CurrentUserSchema);
}

export async function listUsers(t: Transport): Promise<ReadList<User>> {
  return (await t.get('/user', UserListSchema)).users;
}
