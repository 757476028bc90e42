import { z } from 'zod';
import { COLLECTION_DEFS, COLLECTION_NAMES } from '../shared/collections/index.ts';
import { canonicalJson } from './documents.ts';
import { PROTOCOL_MESSAGE_SCHEMAS } from './protocol.ts';

const toJson = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });

/**
 * Everything a device and a server must agree on: the message schemas, each collection's entity schema and
 * the registry facts that change what the server accepts (scope, server-owned and embedded fields).
 */
export function protocolSurface(): unknown {
  return {
    messages: Object.fromEntries(
      Object.entries(PROTOCOL_MESSAGE_SCHEMAS).map(([name, schema]) => [name, toJson(schema)]),
    ),
    collections: Object.fromEntries(
      COLLECTION_NAMES.map((name) => {
        const d = COLLECTION_DEFS[name];
        return [
          name,
          {
            schema: toJson(d.schema),
            scope: d.scope,
            serverOwned: [...d.serverOwned].sort(),
            embedded: [...d.embedded].sort(),
          },
        ];
      }),
    ),
  };
}

/** SHA-256 (hex) of the canonical JSON of `protocolSurface()`; web crypto only (runs on device and server). */
export async function protocolFingerprint(): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(protocolSurface()));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
