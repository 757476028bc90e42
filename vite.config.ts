import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { bundleBudget } from './scripts/vite/bundle-budget.ts';
import { BUDGET_ROUTES } from './scripts/vite/budget-routes.ts';
import { precompress } from './scripts/vite/precompress.ts';

/** Brand colours, shared by the manifest and index.html's theme-color (keep them equal). */
const THEME_COLOR = '#312e81';
const BACKGROUND_COLOR = '#f6f7fb';

/**
 * RxDB's dev-mode must never ship: it needs a validator storage and, in a browser, loads a page from
 * rxdb.info. Fail the production build if anything pulls it in.
 */
function forbidRxdbDevMode(): Plugin {
  return {
    name: 'arco:forbid-rxdb-dev-mode',
    apply: 'build',
    resolveId(source, importer) {
      if (/rxdb\/plugins\/dev-mode/.test(source)) {
        this.error(`RxDB dev-mode must not be part of the build (imported by ${importer ?? 'unknown'})`);
      }
      return null;
    },
    load(id) {
      if (/[\\/]rxdb[\\/]dist[\\/].*[\\/]plugins[\\/]dev-mode[\\/]/.test(id)) {
        this.error(`RxDB dev-mode must not be part of the build (${id})`);
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [
    forbidRxdbDevMode(),
    bundleBudget({ routes: BUDGET_ROUTES }),
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'client',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/favicon.svg', 'icons/apple-touch-icon-180.png', 'robots.txt'],
      manifest: {
        id: '/',
        name: 'Arco',
        short_name: 'Arco',
        description: 'Sucesso do cliente para agências digitais e seus clientes — funciona mesmo offline.',
        lang: 'pt-BR',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['business', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [
          {
            name: 'Clientes em risco',
            short_name: 'Em risco',
            url: '/em-risco',
            icons: [{ src: '/icons/shortcut-risk-96.png', sizes: '96x96', type: 'image/png' }],
          },
          {
            name: 'Meus tickets',
            short_name: 'Tickets',
            url: '/inicio/tickets',
            icons: [{ src: '/icons/shortcut-tickets-96.png', sizes: '96x96', type: 'image/png' }],
          },
        ],
      },
      injectManifest: {
        // Not svg/webmanifest: the plugin adds the manifest and its icons itself; listing them again would precache them twice.
        globPatterns: ['**/*.{js,css,html,png,woff2}'],
      },
      devOptions: { enabled: false },
    }),
    // After the PWA plugin: its service worker is compressed too.
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: the chunk graph the bundle-size bench weighs (never served: a dot directory).
    manifest: true,
    rolldownOptions: {
      output: {
        // Every screen is its own chunk (client/platform/lazy-page.tsx) and shares what it imports with the others
        // through chunks the bundler derives from the import graph; a library lands in the first load only if the
        // first route imports it. Named groups only for what is always loaded together and changes rarely (kept
        // cached across deploys): React with the router and i18next. Never a catch-all
        // "vendor" group: it put every library (charts, markdown, drag and drop, QR codes) in the first load.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
            { name: 'i18n', test: /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
