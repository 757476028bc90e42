/**
 * The CSV import screen (staff): `/clientes/<id>/importar`, under the Customer 360 it is opened from. Import-free
 * so the service worker can read `deepLinks`; the `/clientes` prefix is declared by the customer features.
 */
export const dataImportPaths = { csv: '/clientes/:customerId/importar' } as const;

export const csvImportPath = (customerId: string) => `/clientes/${encodeURIComponent(customerId)}/importar`;

export const deepLinks: readonly string[] = [];
