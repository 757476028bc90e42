import { Hono } from 'hono';
import Papa from 'papaparse';
import { ApiError, forbidden, notFound } from '../../shared/api-errors.ts';
import {
  campaignKey,
  csvImportRequestSchema,
  delimiterOf,
  describeLineError,
  mergeCampaignDay,
  mergeMetricDay,
  numberStyleOf,
  readCampaignRows,
  readMetricRows,
  type CsvImportRequest,
  type CsvImportResult,
  type CsvLineError,
} from '../../shared/domain/imports/csv-import.ts';
import type { Campaign, Metrics } from '../../shared/entities/portal.ts';
import { requireUser } from '../auth/require-user.ts';
import { readDocuments, type Database, type DbClient } from '../db/index.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AuthedEnv } from '../http/context.ts';
import type { ServerWriteTransaction, ServerWriter } from '../sync/server-writes.ts';

/** A year of daily rows for a few dozen campaigns stays well under this; a bigger file is split by hand. */
const CSV_BODY_LIMIT = 4 * 1024 * 1024;
/** campaignSchema's bound on `daily`. */
const MAX_CAMPAIGN_DAYS = 400;

export interface ImportsDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/**
 * `/api/imports` (docs/api.md "CSV import"), staff only:
 * - `POST /csv/preview` — reads the file (papaparse; the separator from the header line) and answers what each line would do,
 *   with every line's errors. Reads under the caller's identity; writes nothing.
 * - `POST /csv` — the same reading, then, only when no line has an error, one server write
 *   (server/sync/server-writes.ts: system identity, the organization's lock, fresh server_seqs, the change
 *   published so devices pull it): days upserted by customer + date (+ campaign) into the customer-month metrics
 *   documents or the campaigns' `daily`. All or nothing: any error → 422 with `details.errors` and nothing
 *   written. Idempotent: a document whose days come out equal is not written, so importing the same file again
 *   writes nothing (`written: 0`) and devices download nothing.
 */
export function importsRoutes(deps: ImportsDeps): Hono<AuthedEnv> {
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.use('*', limitBody(CSV_BODY_LIMIT));

  const handle = (commit: boolean) =>
    app.post(commit ? '/csv' : '/csv/preview', async (c) => {
      const user = c.get('user');
      if (user.role === 'client') throw forbidden('Only agency staff import data.');
      const request = await readJson(c, csvImportRequestSchema);
      const run = async (client: DbClient, write: Writer | null) => {
        const customer = await client.query<{ id: string }>(
          'SELECT id FROM customers WHERE organization_id = $1 AND id = $2 AND NOT deleted',
          [user.organizationId, request.customerId],
        );
        if (customer.rowCount === 0) throw notFound('No such customer.');
        return importCsv(deps, client, user.organizationId, request, write);
      };
      const result = commit
        ? await deps.writer.transaction(user.organizationId, (tx) => run(tx.client, tx.write))
        : await deps.db.withIdentity(c.get('identity'), (client) => run(client, null));
      c.get('log').info(
        {
          event: commit ? 'csv_import' : 'csv_preview',
          kind: request.kind,
          lines: result.lines.length,
          written: result.written,
        },
        'csv import',
      );
      return c.json(result);
    });
  handle(false);
  handle(true);
  return app;
}

type Writer = ServerWriteTransaction['write'];

/** Papaparse's rows plus its own errors (an unclosed quote…) as line errors. */
function parseFile(csv: string): { rows: string[][]; delimiter: string; errors: CsvLineError[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    delimiter: delimiterOf(csv),
    skipEmptyLines: false,
  });
  const errors: CsvLineError[] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 1,
    field: null,
    code: 'wrong_field_count' as const,
    value: null,
    firstLine: null,
  }));
  return { rows: parsed.data, delimiter: parsed.meta.delimiter, errors };
}

async function importCsv(
  deps: ImportsDeps,
  client: DbClient,
  organizationId: string,
  request: CsvImportRequest,
  write: Writer | null,
): Promise<CsvImportResult> {
  const { rows, delimiter, errors: parseErrors } = parseFile(request.csv);
  const style = numberStyleOf(delimiter);
  const now = deps.clock().toISOString();
  const where = {
    where: 'organization_id = $1 AND customer_id = $2 AND NOT deleted',
    params: [organizationId, request.customerId],
  };
  const lines: CsvImportResult['lines'] = [];
  const errors: CsvLineError[] = [...parseErrors];
  const changed: (Metrics | Campaign)[] = [];

  if (request.kind === 'metrics') {
    const read = readMetricRows(rows, style);
    errors.push(...read.errors);
    const stored = (await readDocuments(client, 'metrics', where)).map((s) => s.doc);
    const byMonth = new Map(stored.map((doc) => [doc.month, doc]));
    const touched = new Map<string, Metrics>();
    for (const line of read.lines) {
      const month = line.date.slice(0, 7);
      const doc = touched.get(month) ??
        byMonth.get(month) ?? {
          id: deps.newId(),
          updatedAt: now,
          serverSeq: 0,
          clientUpdatedAt: now,
          customerId: request.customerId,
          month,
          days: [],
        };
      const before = doc.days.find((d) => d.date === line.date);
      const day = mergeMetricDay(before, line);
      const effect = !before
        ? 'new'
        : JSON.stringify(before) === JSON.stringify(day)
          ? 'unchanged'
          : 'changed';
      lines.push({ line: line.line, date: line.date, campaign: null, values: line.values, effect });
      if (effect === 'unchanged') continue;
      const days = [...doc.days.filter((d) => d.date !== line.date), day].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      touched.set(month, { ...doc, days, clientUpdatedAt: now });
    }
    changed.push(...touched.values());
    if (write && errors.length === 0 && touched.size > 0) await write('metrics', [...touched.values()]);
  } else {
    const read = readCampaignRows(rows, style);
    errors.push(...read.errors);
    const stored = (await readDocuments(client, 'campaigns', where)).map((s) => s.doc);
    const byKey = new Map<string, Campaign>();
    for (const doc of stored) {
      if (doc.externalId && !byKey.has(campaignKey(doc.externalId)))
        byKey.set(campaignKey(doc.externalId), doc);
    }
    // Names win over external ids: staff type the name they see.
    for (const doc of stored) byKey.set(campaignKey(doc.name), doc);
    const touched = new Map<string, Campaign>();
    for (const line of read.lines) {
      const found = byKey.get(campaignKey(line.campaign));
      if (!found) {
        errors.push({
          line: line.line,
          field: 'campaign',
          code: 'unknown_campaign',
          value: line.campaign.slice(0, 100),
          firstLine: null,
        });
        continue;
      }
      const doc = touched.get(found.id) ?? found;
      if (doc.daily.length >= MAX_CAMPAIGN_DAYS && !doc.daily.some((d) => d.date === line.date)) {
        errors.push({
          line: line.line,
          field: 'date',
          code: 'out_of_range',
          value: line.date,
          firstLine: null,
        });
        continue;
      }
      const before = doc.daily.find((d) => d.date === line.date);
      const day = mergeCampaignDay(before, line);
      const effect = !before
        ? 'new'
        : JSON.stringify(before) === JSON.stringify(day)
          ? 'unchanged'
          : 'changed';
      lines.push({ line: line.line, date: line.date, campaign: found.name, values: line.values, effect });
      if (effect === 'unchanged') continue;
      const daily = [...doc.daily.filter((d) => d.date !== line.date), day].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      touched.set(found.id, { ...doc, daily, clientUpdatedAt: now });
    }
    changed.push(...touched.values());
    if (write && errors.length === 0 && touched.size > 0) await write('campaigns', [...touched.values()]);
  }

  errors.sort((a, b) => a.line - b.line);
  if (write && errors.length > 0) {
    // Thrown inside the transaction: nothing of this file is stored.
    throw new ApiError(
      'validation_failed',
      `The file has ${errors.length} error(s); nothing was imported. First: ${describeLineError(errors[0]!)}.`,
      { errors },
    );
  }
  return {
    kind: request.kind,
    delimiter,
    numberStyle: style,
    fields: [
      ...(request.kind === 'metrics'
        ? readMetricRows(rows.slice(0, 1), style).fields
        : readCampaignRows(rows.slice(0, 1), style).fields),
    ],
    lines,
    errors,
    written: write ? changed.length : 0,
  };
}
