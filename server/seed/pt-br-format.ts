/**
 * pt-BR formatting for the demo data's own Portuguese content (activity notes, goals, portal messages written as
 * a person would). Rule texts are codes rendered per language by shared/domain-text/render.ts instead.
 *
 * Hand-written instead of `Intl.NumberFormat` so the strings are byte-identical on every runtime
 * (ICU versions differ in spaces: `R$ 1.500,00` uses U+00A0 in some and U+0020 in others).
 */

function groupThousands(integer: number): string {
  return String(integer).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `150000` → `R$ 1.500`, `150050` → `R$ 1.500,50`, `-2500` → `-R$ 25`. */
export function formatBRL(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const reais = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}R$ ${groupThousands(reais)}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

/** A number with pt-BR decimal comma and at most `decimals` decimals: `4.8` → `4,8`, `12` → `12`. */
export function formatNumber(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  const [int, frac] = Math.abs(rounded).toFixed(decimals).split('.') as [string, string?];
  const trimmed = frac?.replace(/0+$/, '') ?? '';
  return `${rounded < 0 ? '-' : ''}${groupThousands(Number(int))}${trimmed ? `,${trimmed}` : ''}`;
}
