/**
 * Renders Arco's icons once from SVG with the same Debian Chromium the e2e tests use, and writes them to
 * `public/icons/`. The PNGs are committed; run again only when the artwork changes:
 *
 *   npx tsx e2e/tools/render-icons.ts
 *
 * The mark is an arch ("arco") — two concentric arcs, white over brand indigo with an amber inner arc.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../support/browser.ts';

const BRAND = '#312e81';
const AMBER = '#fbbf24';
const OUT = join(import.meta.dirname, '..', '..', 'public', 'icons');

/** The arch drawn in a 512×512 box, centred; `scale` shrinks it around the centre (maskable safe zone). */
const arch = (scale: number, outer = '#ffffff', inner = AMBER) => `
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <path d="M120 324 A136 136 0 0 1 392 324" fill="none" stroke="${outer}" stroke-width="48" stroke-linecap="round"/>
    <path d="M196 324 A60 60 0 0 1 316 324" fill="none" stroke="${inner}" stroke-width="48" stroke-linecap="round"/>
  </g>`;

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${body}</svg>`;

/** "any" purpose: rounded tile on transparent. */
const roundedIcon = svg(`<rect width="512" height="512" rx="112" fill="${BRAND}"/>${arch(1)}`);
/** maskable / iOS: full-bleed square, mark inside the 80 % safe circle. */
const fullBleedIcon = (scale: number) =>
  svg(`<rect width="512" height="512" fill="${BRAND}"/>${arch(scale)}`);
/** Android notification badge: a white silhouette on transparent (only alpha is used). */
const badge = svg(arch(1.15, '#ffffff', '#ffffff'));

const shortcutRisk = svg(`
  <circle cx="256" cy="256" r="256" fill="#b91c1c"/>
  <path d="M256 120 L404 380 H108 Z" fill="none" stroke="#fff" stroke-width="36" stroke-linejoin="round"/>
  <path d="M256 210 V290" stroke="#fff" stroke-width="36" stroke-linecap="round"/>
  <circle cx="256" cy="336" r="20" fill="#fff"/>`);

const shortcutTickets = svg(`
  <circle cx="256" cy="256" r="256" fill="${BRAND}"/>
  <path d="M120 176 H392 V226 A30 30 0 0 0 392 286 V336 H120 V286 A30 30 0 0 0 120 226 Z"
        fill="none" stroke="#fff" stroke-width="32" stroke-linejoin="round"/>
  <path d="M296 184 V328" stroke="${AMBER}" stroke-width="24" stroke-dasharray="20 16"/>`);

const renders: readonly { file: string; svg: string; size: number }[] = [
  { file: 'icon-192.png', svg: roundedIcon, size: 192 },
  { file: 'icon-512.png', svg: roundedIcon, size: 512 },
  { file: 'icon-maskable-512.png', svg: fullBleedIcon(0.78), size: 512 },
  { file: 'apple-touch-icon-180.png', svg: fullBleedIcon(0.86), size: 180 },
  { file: 'favicon-32.png', svg: roundedIcon, size: 32 },
  { file: 'badge-96.png', svg: badge, size: 96 },
  { file: 'shortcut-risk-96.png', svg: shortcutRisk, size: 96 },
  { file: 'shortcut-tickets-96.png', svg: shortcutTickets, size: 96 },
];

const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  for (const { file, svg: source, size } of renders) {
    await page.setViewportSize({ width: size, height: size });
    const html = `<html><body style="margin:0;background:transparent">${source.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`;
    await page.setContent(html);
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await writeFile(join(OUT, file), png);
    console.log(`${file} ${size}×${size} ${png.length} B`);
  }
  await writeFile(join(OUT, 'favicon.svg'), `${roundedIcon}\n`);
} finally {
  await browser.close();
}
