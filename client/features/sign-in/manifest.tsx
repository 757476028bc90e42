import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature } from '../../platform/feature-manifest.ts';
import { signInPaths } from './paths.ts';

/** `/entrar`, open to everyone (strings in the shell's `translation` namespace, `signIn.*`). */
export const signInFeature = defineFeature({
  id: 'sign-in',
  access: 'public',
  routes: [{ path: signInPaths.signIn, element: lazyPage(() => import('./sign-in-page.tsx'), 'SignInPage') }],
});
