import { lazy, Suspense, type ComponentType } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('app.loading')}</p>;
}

/**
 * A page loaded on its first visit, in its own chunk: staff screens (bank, builder, charts) stay out
 * of what a candidate's or a player's phone downloads first.
 */
export function lazyPage<M, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType<object> }));
  function LazyPage(props: object) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage as unknown as M[K];
}
