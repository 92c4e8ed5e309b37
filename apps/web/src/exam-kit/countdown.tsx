import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { countdownLevel, formatCountdown, shouldAnnounce } from './format.js';
import type { ServerClock } from './server-clock.js';

/**
 * Time left until a server deadline, on the server's clock. Screen readers hear it each minute and
 * every 10 s in the last minute, not every second.
 */
export function Countdown({
  clock,
  deadline,
  onExpire,
}: {
  clock: ServerClock;
  deadline: string | number;
  onExpire?: () => void;
}) {
  const { t } = useI18n();
  const [left, setLeft] = useState(() => clock.remainingMs(deadline));
  const [announce, setAnnounce] = useState('');
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    expired.current = false;
    let lastSecond = -1;
    const tick = (): void => {
      const ms = clock.remainingMs(deadline);
      setLeft(ms);
      const s = Math.ceil(ms / 1000);
      if (s !== lastSecond) {
        lastSecond = s;
        if (shouldAnnounce(ms))
          setAnnounce(ms > 0 ? `${t('exam.timeLeft')}: ${formatCountdown(ms)}` : t('exam.timeUp'));
      }
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        onExpireRef.current?.();
      }
    };
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [clock, deadline, t]);

  const level = countdownLevel(left);
  return (
    <div className={`countdown countdown-${level}`}>
      <span className="countdown-label">{t('exam.timeLeft')}</span>
      <span className="countdown-time" role="timer" aria-live="off" data-testid="countdown">
        {left > 0 ? formatCountdown(left) : t('exam.timeUp')}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
