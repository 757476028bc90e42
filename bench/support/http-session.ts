import { z } from 'zod';
import { ROLES } from '../../shared/collections/index.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol.ts';

/**
 * A signed-in HTTP client as a browser would be: it keeps the session cookie, sends a same-origin `Origin`
 * (the server refuses state-changing JSON without it) and the protocol header on sync requests.
 */
export interface HttpSession {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly user: SignedInUser;
  /** fetch with the session cookie and Origin; pass it to startSync as the transport's fetch. */
  readonly fetch: typeof fetch;
  /** GET/POST under `/api/sync` with the protocol header; throws on a non-2xx answer with its body. */
  syncJson(path: string, init?: { method: 'POST'; body: unknown }): Promise<unknown>;
}

const signedInUserSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  role: z.enum(ROLES),
  customerId: z.uuid().nullable(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export async function signIn(origin: string, email: string, password: string): Promise<HttpSession> {
  let cookie = '';
  const sessionFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('origin', origin);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (set.length) cookie = set.join('; ');
    return res;
  }) as typeof fetch;

  const res = await sessionFetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const { user } = z.object({ user: signedInUserSchema }).parse(await res.json());

  return {
    origin,
    user,
    fetch: sessionFetch,
    async syncJson(path, init) {
      const res = await sessionFetch(`${origin}/api/sync${path}`, {
        method: init?.method ?? 'GET',
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(init ? { 'content-type': 'application/json' } : {}),
        },
        ...(init ? { body: JSON.stringify(init.body) } : {}),
      });
      if (!res.ok)
        throw new Error(`${init?.method ?? 'GET'} /api/sync${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}
