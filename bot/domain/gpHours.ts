/**
 * Whether a patient with urgent, not life-threatening complaints should call their own huisarts
 * or the huisartsenpost (domain brief §7.1): the practice by day on working days, the
 * huisartsenpost in the evening, at night, at weekends and on public holidays. Practices keep
 * their own hours; 08:00–17:00 is the usual day line ("overdag"), so near the edges the text
 * names both.
 */
import { dutchPublicHolidays } from './workingDays.ts';

export const gpDayHours = { open: '08:00', close: '17:00' } as const;

/** True on a Dutch working day between 08:00 and 17:00, Amsterdam time. */
export function gpPracticeOpen(now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday');
  if (weekday === 'Sat' || weekday === 'Sun') return false;
  if (dutchPublicHolidays(Number(get('year'))).has(`${get('year')}-${get('month')}-${get('day')}`)) return false;
  const time = `${get('hour')}:${get('minute')}`;
  return time >= gpDayHours.open && time < gpDayHours.close;
}
