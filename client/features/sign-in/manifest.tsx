import { defineFeature } from '../../platform/feature-manifest.ts';
import { signInPaths } from './paths.ts';
import { SignInPage } from './sign-in-page.tsx';

/** `/entrar`, open to everyone (strings in the shell's `translation` namespace, `signIn.*`). */
export const signInFeature = defineFeature({
  id: 'sign-in',
  access: 'public',
  routes: [{ path: signInPaths.signIn, element: <SignInPage /> }],
});
