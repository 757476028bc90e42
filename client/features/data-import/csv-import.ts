import { errorBodySchema } from '../../../shared/api-errors.ts';
import {
  csvImportResultSchema,
  csvLineErrorSchema,
  type CsvImportResult,
  type CsvLineError,
  type ImportKind,
} from '../../../shared/domain/imports/csv-import.ts';

export type ImportAnswer =
  | { readonly kind: 'result'; readonly result: CsvImportResult }
  /** The import refused the file: every line's error, nothing written. */
  | { readonly kind: 'refused'; readonly errors: readonly CsvLineError[] }
  | { readonly kind: 'offline' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Preview (`commit` false) or import the file (`POST /api/imports/csv[/preview]`, docs/api.md "CSV import").
 * Online only: the server reads the file against what is stored, and an import is all or nothing.
 */
export async function sendCsv(
  deps: { fetch: typeof fetch },
  request: { customerId: string; kind: ImportKind; csv: string },
  commit: boolean,
): Promise<ImportAnswer> {
  let res: Response;
  try {
    res = await deps.fetch(commit ? '/api/imports/csv' : '/api/imports/csv/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return { kind: 'offline' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = csvImportResultSchema.safeParse(body);
    return parsed.success
      ? { kind: 'result', result: parsed.data }
      : { kind: 'failed', message: String(res.status) };
  }
  const error = errorBodySchema.safeParse(body);
  if (!error.success) return { kind: 'failed', message: String(res.status) };
  const errors = csvLineErrorSchema.array().safeParse(error.data.error.details?.errors);
  return errors.success
    ? { kind: 'refused', errors: errors.data }
    : { kind: 'failed', message: error.data.error.message };
}
