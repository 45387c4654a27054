/**
 * Working days in the Netherlands: Monday–Friday except national public holidays
 * (Algemene termijnenwet art. 3: Nieuwjaarsdag, Pasen, Hemelvaart, Pinksteren, Kerst, Koningsdag,
 * and 5 mei; Goede Vrijdag is not a general holiday there and is not counted).
 */

const key = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Easter Sunday (Gregorian, anonymous computus). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The Dutch public holidays of a year as YYYY-MM-DD strings. */
export function dutchPublicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const kingsDay = utc(year, 4, 27);
  // Koningsdag moves to the 26th when the 27th is a Sunday.
  const koningsdag = kingsDay.getUTCDay() === 0 ? utc(year, 4, 26) : kingsDay;
  return new Set(
    [utc(year, 1, 1), easter, plusDays(easter, 1), koningsdag, utc(year, 5, 5), plusDays(easter, 39), plusDays(easter, 49), plusDays(easter, 50), utc(year, 12, 25), utc(year, 12, 26)].map(key),
  );
}

export function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6 && !dutchPublicHolidays(date.getUTCFullYear()).has(key(date));
}

/** The moment `days` working days after `from` (same time of day), skipping weekends and holidays. */
export function addWorkingDays(from: Date, days: number): Date {
  let date = from;
  let left = days;
  while (left > 0) {
    date = plusDays(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}
