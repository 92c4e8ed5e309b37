import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api } from '../../api/api.js';
import { surveyLink, type SurveyDesk } from '../../api/survey-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import '../../styles/survey.css';

/** One desk's printable card: its QR code (made in the browser with the same `qrcode` package as the API) and its link. */
function DeskCard({ desk }: { desk: SurveyDesk }) {
  const { t } = useI18n();
  const link = surveyLink(window.location.origin, desk.publicCode);
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [link]);
  return (
    <li className="panel qr-card">
      <h2>{desk.name}</h2>
      <p>{t('survey.qrInvite')}</p>
      {svg && (
        <img
          className="qr-image"
          alt={t('survey.qrAlt', { desk: desk.name })}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        />
      )}
      <p className="mono qr-link">{link}</p>
    </li>
  );
}

/** /survey/desks — the organizers' sheet of QR codes, one card per active desk, ready to print and stick on the counter. */
export function SurveyQrSheetPage() {
  const { t } = useI18n();
  const desks = useResource((signal) => api.get<SurveyDesk[]>('/api/survey/desks', { signal }), []);
  const active = desks.data?.filter((d) => d.active) ?? [];
  return (
    <section aria-labelledby="qr-title">
      <h1 id="qr-title">{t('survey.qrTitle')}</h1>
      <p className="no-print">{t('survey.qrIntro')}</p>
      <button type="button" className="btn btn-primary no-print" onClick={() => window.print()}>
        {t('survey.print')}
      </button>
      {desks.loading && <p role="status">{t('app.loading')}</p>}
      {desks.missing ? <NotAvailable /> : <ErrorAlert error={desks.error} onRetry={desks.reload} />}
      {desks.data && active.length === 0 && <p>{t('survey.noDesks')}</p>}
      <ul className="qr-sheet">
        {active.map((d) => (
          <DeskCard key={d.id} desk={d} />
        ))}
      </ul>
    </section>
  );
}
