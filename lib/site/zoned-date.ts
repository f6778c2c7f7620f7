/** Calendar fields of an instant as seen in one IANA time zone. */
export interface ZonedDate {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** `+08:00`, `-05:00`, `+00:00`. */
  offset: string;
}

// Creating an Intl.DateTimeFormat is the expensive part; archives ask for the same zone thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function zonedDate(date: Date, timeZone: string): ZonedDate {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) fields[part.type] = part.value;
  const year = fields.year ?? '1970';
  const month = fields.month ?? '01';
  const day = fields.day ?? '01';
  const hour = fields.hour ?? '00';
  const minute = fields.minute ?? '00';
  const second = fields.second ?? '00';
  // The zone's offset is the difference between its wall clock read as UTC and the instant itself.
  const wallClock = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offsetMinutes = Math.round((wallClock - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { year, month, day, hour, minute, second, offset };
}

/** RFC 3339 timestamp with the zone's offset, for `<time datetime>` and feeds. */
export function zonedIso(zoned: ZonedDate): string {
  return `${zoned.year}-${zoned.month}-${zoned.day}T${zoned.hour}:${zoned.minute}:${zoned.second}${zoned.offset}`;
}
