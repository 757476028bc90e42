import { lazyPage } from '../../platform/lazy-page.tsx';
import { Svg } from '../../ui/icons.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { contentPaths, deepLinks } from './paths.ts';

/** An open book, drawn inline like the shell's icons (decorative: the label carries the meaning). */
function ContentIcon({ size = 24 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M2 5h6a4 4 0 0 1 4 4v11a3 3 0 0 0-3-3H2zM22 5h-6a4 4 0 0 0-4 4v11a3 3 0 0 1 3-3h7z" />
    </Svg>
  );
}

/** The content hub (dashboard §6): knowledge base, reader with progress, case studies, events — offline too. */
export const contentFeature = defineFeature({
  id: 'content',
  access: CLIENT_ROLES,
  routes: [
    { path: contentPaths.hub, element: lazyPage(() => import('./content-hub-page.tsx'), 'ContentHubPage') },
    { path: contentPaths.detail, element: lazyPage(() => import('./article-page.tsx'), 'ArticlePage') },
  ],
  nav: [
    {
      to: contentPaths.hub,
      label: { 'pt-BR': 'Conteúdo', en: 'Content' },
      icon: ContentIcon,
      roles: CLIENT_ROLES,
      order: 85,
    },
  ],
  i18n: {
    namespace: 'content',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.contentPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.contentEn),
    },
  },
  deepLinks,
});
