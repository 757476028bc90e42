import { z } from 'zod';

/**
 * A separate signed-in client of the real server's HTTP API (docs/architecture.md §10's stable surface), used to check what
 * the *server* holds — never only what a browser shows. It keeps its own session cookie, so it is a different
 * session from any browser's.
 */
export const DEMO_PASSWORD = 'arco-demo';

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'csm', 'client']),
  organizationId: z.string(),
  customerId: z.string().nullable(),
});
export type ApiUser = z.infer<typeof userSchema>;

const pullPageSchema = z.object({
  documents: z.array(z.record(z.string(), z.unknown())),
  checkpoint: z.unknown(),
});

export type SyncDocument = Record<string, unknown> & { id: string };

export interface ApiClient {
  readonly user: ApiUser;
  /** Every document of `collection` this user may read, as the server holds it now (all pull pages). */
  pullAll(collection: string): Promise<SyncDocument[]>;
  /** One document by id as the server holds it, or undefined. */
  find(collection: string, id: string): Promise<SyncDocument | undefined>;
  /** Any other `GET` of the API as this user (e.g. `/api/settings`); throws on a non-2xx answer. */
  get(path: string): Promise<unknown>;
}

export async function signInApi(origin: string, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = sessionCookieFrom(res.headers.getSetCookie());
  const { user } = z.object({ user: userSchema }).parse(await res.json());
  const get = async (path: string) => {
    const r = await fetch(`${origin}${path}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`GET ${path} as ${email}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<unknown>;
  };
  const pullAll = async (collection: string) => {
    const documents: SyncDocument[] = [];
    let checkpoint: unknown;
    for (;;) {
      const query = new URLSearchParams({ limit: '1000' });
      if (checkpoint !== undefined) query.set('checkpoint', JSON.stringify(checkpoint));
      const page = pullPageSchema.parse(await get(`/api/sync/${collection}/pull?${query}`));
      documents.push(...(page.documents as SyncDocument[]));
      checkpoint = page.checkpoint;
      if (page.documents.length < 1000) return documents.filter((d) => d._deleted !== true);
    }
  };
  return {
    user,
    pullAll,
    get,
    find: async (collection, id) => (await pullAll(collection)).find((d) => d.id === id),
  };
}

/** `name=value` of the session cookie among a response's Set-Cookie headers. */
function sessionCookieFrom(setCookies: readonly string[]): string {
  const session = setCookies
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => /^(__Host-)?arco_session=/.test(c));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(setCookies)}`);
  return session;
}

/**
 * Ends a session on the server the way the product does — `POST /api/auth/logout` with that session's own
 * cookie (from any client: here, this test process) — without telling the browser that holds it. To that
 * browser the session has simply expired. Returns the status `/api/auth/me` then gives for the cookie (401).
 */
export async function revokeSession(
  origin: string,
  cookie: { name: string; value: string },
): Promise<number> {
  const header = `${cookie.name}=${cookie.value}`;
  const res = await fetch(`${origin}/api/auth/logout`, {
    method: 'POST',
    headers: { cookie: header, origin, 'content-type': 'application/json' },
    body: '{}',
  });
  if (res.status !== 204) throw new Error(`logout answered ${res.status}: ${await res.text()}`);
  return (await fetch(`${origin}/api/auth/me`, { headers: { cookie: header } })).status;
}
