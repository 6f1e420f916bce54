import { SignInPage } from '@backstage/core-components';
import { useApi, configApiRef } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { SignInPageProps } from '@backstage/core-plugin-api';
import { oidcAuthApiRef } from './oidcAuthApi';

const oidcProvider = {
  id: 'oidc-auth-provider',
  title: 'Single sign-on',
  message: 'Sign in with your organisation account',
  apiRef: oidcAuthApiRef,
};

/**
 * Guest sign-in locally; the organisation's identity provider when
 * `finops.signIn.provider` is `oidc` (app-config.production.yaml).
 */
export function FinOpsSignInPage(props: SignInPageProps) {
  const provider =
    useApi(configApiRef).getOptionalString('finops.signIn.provider') ?? 'guest';
  return provider === 'oidc' ? (
    <SignInPage {...props} auto provider={oidcProvider} />
  ) : (
    <SignInPage {...props} providers={['guest']} />
  );
}

export const signInPage = SignInPageBlueprint.make({
  params: { loader: async () => FinOpsSignInPage },
});
