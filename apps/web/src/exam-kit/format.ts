/**
 * A countdown as the candidate reads it: m:ss under an hour, h:mm:ss above. Rounded up, so the
 * display shows 0:00 only when the time is truly over.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** How urgent the countdown looks: normal, then warning in the last 5 minutes, critical in the last minute. */
export function countdownLevel(ms: number): 'normal' | 'warning' | 'critical' | 'over' {
  if (ms <= 0) return 'over';
  if (ms <= 60_000) return 'critical';
  if (ms <= 5 * 60_000) return 'warning';
  return 'normal';
}

/** Whether a screen reader should hear the time now: each whole minute, then every 10 s in the last minute. */
export function shouldAnnounce(ms: number): boolean {
  const s = Math.ceil(ms / 1000);
  if (s <= 0) return true;
  if (s <= 60) return s % 10 === 0;
  return s % 60 === 0;
}

/**
 * A date and time as Vietnamese documents write it, dd/mm/yyyy hh:mm (24 h), in Vietnam's time zone
 * (UTC+7) by default; the same layout in English, which reads it fine and keeps printouts alike.
 */
export function formatDateTime(value: string | number | Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const d = value instanceof Date ? value : new Date(value);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
