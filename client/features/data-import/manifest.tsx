import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { lazyPage } from '../../platform/lazy-page.tsx';
import { dataImportPaths, deepLinks } from './paths.ts';

/** CSV import of a customer's metrics (staff), opened from the Customer 360's header; no navigation entry. */
export const dataImportFeature = defineFeature({
  id: 'data-import',
  access: STAFF_ROLES,
  routes: [
    { path: dataImportPaths.csv, element: lazyPage(() => import('./csv-import-page.tsx'), 'CsvImportPage') },
  ],
  deepLinks,
});
