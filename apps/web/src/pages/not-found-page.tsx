import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="panel narrow" aria-labelledby="nf-title">
      <h1 id="nf-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
