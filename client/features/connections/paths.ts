/**
 * The Connections screen (staff): `/clientes/<id>/conexoes`, under the Customer 360 it is opened from (and where a
 * "source keeps failing" alert points). Import-free so the service worker can read `deepLinks`; the `/clientes`
 * prefix is declared by the customer features.
 */
export const connectionsPaths = { connections: '/clientes/:customerId/conexoes' } as const;

export const connectionsPath = (customerId: string) => `/clientes/${encodeURIComponent(customerId)}/conexoes`;

export const deepLinks: readonly string[] = [];
