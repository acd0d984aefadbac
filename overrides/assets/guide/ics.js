// A calendar file (RFC 5545) of one all-day event, as text. Imports nothing and touches no page
// (assessment.js downloads it for the reader's plan; tests/js/ runs this in Node).

// A text value: backslash, semicolon and comma escaped, a line break written \n.
export const icsText = (text) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");

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

// The event on `date` (YYYY-MM-DD), made at `now` (a Date), its summary and description as plain text.
export function calendar({ date, now, summary, description }) {
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
