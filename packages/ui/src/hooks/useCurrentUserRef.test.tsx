import type { ReactNode } from 'react';
import { mockApis, TestApiProvider } from '@backstage/frontend-test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import { useCurrentUserRef } from './useCurrentUserRef';

describe('useCurrentUserRef', () => {
  it("answers the signed-in user's entity ref once the identity is known", async () => {
    const wrapper = (props: { children: ReactNode }) => (
      <TestApiProvider
        apis={[mockApis.identity({ userEntityRef: 'user:default/alice' })]}
      >
        {props.children}
      </TestApiProvider>
    );

    const { result } = renderHook(() => useCurrentUserRef(), { wrapper });

    await waitFor(() => expect(result.current).toBe('user:default/alice'));
  });
});
