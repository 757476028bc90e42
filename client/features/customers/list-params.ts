import { AT_RISK_FILTER, HEALTH_FILTER_PARAM } from './paths.ts';
import {
  DEFAULT_DIRECTION,
  DEFAULT_SORT,
  NO_FILTERS,
  TIER_ORDER,
  type CustomerFilters,
  type CustomerSort,
  type HealthFilter,
  type SortKey,
  type Tier,
} from './customer-rows.ts';

/**
 * The list's state in the URL query (pt-BR, stable: bookmarks and the manifest shortcut
 * `/clientes?saude=risco` point at it). Defaults are omitted, unknown values fall back to the default, so any
 * hand-edited URL still opens a working list.
 *
 *   busca=<text>  saude=saudavel|risco|critico  plano=starter|pro|enterprise|custom
 *   csm=<user id>|sem  carteira=minha  ordem=nome|mrr|saude|plano|csm|desde  sentido=asc|desc
 */
export interface ListState {
  readonly filters: CustomerFilters;
  readonly sort: CustomerSort;
}

const HEALTH_VALUES: Readonly<Record<Exclude<HealthFilter, 'all'>, string>> = {
  healthy: 'saudavel',
  at_risk: AT_RISK_FILTER,
  critical: 'critico',
};
const SORT_VALUES: Readonly<Record<SortKey, string>> = {
  name: 'nome',
  mrr: 'mrr',
  health: 'saude',
  tier: 'plano',
  csm: 'csm',
  since: 'desde',
};
const NO_CSM = 'sem';
const MINE = 'minha';

const PARAM = {
  query: 'busca',
  health: HEALTH_FILTER_PARAM,
  tier: 'plano',
  csm: 'csm',
  mine: 'carteira',
  sort: 'ordem',
  direction: 'sentido',
} as const;

const keyFor = <K extends string>(map: Readonly<Record<K, string>>, value: string | null): K | undefined =>
  (Object.keys(map) as K[]).find((k) => map[k] === value);

export function parseListParams(params: URLSearchParams): ListState {
  const tier = params.get(PARAM.tier);
  const csm = params.get(PARAM.csm)?.trim();
  const sortKey = keyFor(SORT_VALUES, params.get(PARAM.sort)) ?? DEFAULT_SORT.key;
  const direction = params.get(PARAM.direction);
  return {
    filters: {
      query: params.get(PARAM.query) ?? '',
      health: keyFor(HEALTH_VALUES, params.get(PARAM.health)) ?? 'all',
      tier: TIER_ORDER.includes(tier as Tier) ? (tier as Tier) : 'all',
      csm: !csm ? 'all' : csm === NO_CSM ? 'none' : csm,
      mine: params.get(PARAM.mine) === MINE,
    },
    sort: {
      key: sortKey,
      direction: direction === 'asc' || direction === 'desc' ? direction : DEFAULT_DIRECTION[sortKey],
    },
  };
}

/**
 * The query for `state`, always in the same parameter order (one URL per state); parameters this module does
 * not own are kept first, as they were.
 */
export function writeListParams(state: ListState, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const name of Object.values(PARAM)) next.delete(name);
  const set = (name: string, value: string | null) => {
    if (value) next.append(name, value);
  };
  const { filters, sort } = state;
  set(PARAM.query, filters.query.trim() ? filters.query : null);
  set(PARAM.health, filters.health === 'all' ? null : HEALTH_VALUES[filters.health]);
  set(PARAM.tier, filters.tier === 'all' ? null : filters.tier);
  set(PARAM.csm, filters.csm === 'all' ? null : filters.csm === 'none' ? NO_CSM : filters.csm);
  set(PARAM.mine, filters.mine ? MINE : null);
  const defaultSort = sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction;
  set(PARAM.sort, defaultSort ? null : SORT_VALUES[sort.key]);
  set(PARAM.direction, defaultSort || sort.direction === DEFAULT_DIRECTION[sort.key] ? null : sort.direction);
  return next;
}

export const DEFAULT_LIST_STATE: ListState = { filters: NO_FILTERS, sort: DEFAULT_SORT };
