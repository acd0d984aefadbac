// A calendar file (RFC 5545) of one all-day event, as text. Imports only record.js (its date check)
// and touches no page
// (extras.js downloads it for the reader's plan, at assessment.js's request; tests/js/ runs this in Node).
import { isDay } from "./record.js";

// A text value: any line break (CRLF, CR, LF) written \n, the control characters RFC 5545 forbids
// removed (C0 but tab, DEL, C1), backslash, semicolon and comma escaped.
export const icsText = (text) =>
  text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "") // eslint-disable-line no-control-regex
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");

// RFC 5545 folds lines longer than 75 octets: CRLF and a space before each further piece, never
// inside a character's UTF-8 bytes.
export const fold = (line) => {
  const pieces = [""];
  for (const char of line) {
    if (new TextEncoder().encode(pieces.at(-1) + char).length > (pieces.length > 1 ? 74 : 75)) pieces.push("");
    pieces[pieces.length - 1] += char;
  }
  return pieces.join("\r\n ");
};

// The event on `date` (YYYY-MM-DD, a four-digit year: the only dates calendars read), made at `now`
// (a Date), its summary and description as plain text. Any other date is refused (RangeError).
export function calendar({ date, now, summary, description }) {
  if (!isDay(date)) throw new RangeError(`not a day with a four-digit year: ${String(date).slice(0, 20)}`);
  const day = date.replaceAll("-", "");
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//networking-guide//practice plan//EN", "BEGIN:VEVENT",
    `UID:${stamp}-${day}@networking-guide`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description)}`,
    "END:VEVENT", "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
