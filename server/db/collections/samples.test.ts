import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES } from '../../../shared/collections/index.ts';
import { normalizeDocument } from './mapper.ts';
import { sampleDocuments } from './samples.ts';

const samples = sampleDocuments({
  customerId: uuidv7(),
  clientUserId: uuidv7(),
  staffUserId: uuidv7(),
  newId: uuidv7,
});

describe('sample documents', () => {
  it.each(COLLECTION_NAMES)('%s sample is a valid document', (name) => {
    expect(COLLECTION_DEFS[name].schema.safeParse(samples[name]).success).toBe(true);
  });

  it.each(COLLECTION_NAMES)('%s: normalizeDocument keeps it valid and is idempotent', (name) => {
    const once = normalizeDocument(name, samples[name]);
    expect(COLLECTION_DEFS[name].schema.safeParse(once).success).toBe(true);
    expect(normalizeDocument(name, once)).toEqual(once);
  });

  it('normalizes column instants to canonical UTC and leaves jsonb contents verbatim', () => {
    const customer = normalizeDocument('customers', samples.customers);
    expect(customer.lastLoginAt).toBe('2026-01-14T21:30:00.000Z');
    expect(customer.contacts[1]?.createdAt).toBe('2025-03-02T12:15:00.000Z');
    const meeting = normalizeDocument('meetings', samples.meetings);
    expect(meeting.scheduledAt).toBe('2026-01-20T17:00:00.000Z');
    expect(meeting.clientRequest?.proposedAt).toBe('2026-01-21T15:00:00-03:00');
  });
});
