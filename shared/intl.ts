/**
 * `Intl` formatters memoised by locale and options. Building an `Intl.NumberFormat` or `DateTimeFormat`
 * resolves locale data and costs tens of microseconds; a list screen formats hundreds of values per render and a
 * health recompute converts thousands of instants to calendar days, so building one per value made re-renders
 * (the at-risk cards, the portfolio) cost tens of milliseconds each on a phone — enough, during the burst of
 * pulls after reconnecting, to hold a route transition back for seconds.
 *
 * Invariant: this is a cache, not state. It holds only immutable, stateless Intl objects, keyed by everything
 * that shapes them, so no caller can tell a hit from a miss (the exception to "no module-level mutable state" that
 * docs/architecture.md names); it is bounded by the finite set of (locale, options) literals in this code base.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();

function memo<F>(cache: Map<string, F>, locale: string, options: object, build: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = build();
    cache.set(key, found);
  }
  return found;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  memo(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat =>
  memo(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));

export const relativeTimeFormat = (
  locale: string,
  options: Intl.RelativeTimeFormatOptions = {},
): Intl.RelativeTimeFormat =>
  memo(relativeTimeFormats, locale, options, () => new Intl.RelativeTimeFormat(locale, options));
