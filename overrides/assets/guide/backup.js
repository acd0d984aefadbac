// A backup file's bytes as text, however the reader's editor saved it: UTF-8 (its byte-order mark
// dropped), UTF-16 (Notepad's "Unicode", with or without a byte-order mark: a backup begins with
// ASCII, so a zero byte first or second says which way round), and Windows-1252 (Notepad's "ANSI"
// on French and English Windows) when the bytes are not UTF-8: read as UTF-8, "é" would become
// "\uFFFD" and be imported so. And the text as JSON, forgiving the one slip a hand edit makes most:
// a comma left after the last item of a list or an object (JSON forbids it), and telling the one a
// hand merge makes: a key written twice in one object. Imports nothing.

// Windows-1252's bytes 0x80 to 0x9F (the others are Latin-1's), written out: Node's TextDecoder
// reads "windows-1252" as Latin-1, and this module runs in Node's tests as in the browser.
const WINDOWS_1252 = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ";

export function backupText(bytes) {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first > 0 && second === 0)) return new TextDecoder("utf-16le").decode(bytes);
  if ((first === 0xfe && second === 0xff) || (first === 0 && second > 0)) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return Array.from(bytes, (byte) => (byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252[byte - 0x80] : String.fromCharCode(byte))).join("");
  }
}

// A string (kept whole, whatever it holds), or a comma with only white space before a closing bracket
const STRING_OR_TRAILING_COMMA = /("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g;

// The backup's text as JSON; a comma left before a closing bracket is dropped when the text does not
// parse as it is. Throws the first error when it still does not parse.
export function parseBackup(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    try {
      return JSON.parse(text.replace(STRING_OR_TRAILING_COMMA, (match, string, closing) => string ?? closing));
    } catch {
      throw error;
    }
  }
}

// A JSON string, or one of the punctuation marks that shape objects and lists.
const TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\],:]/g;

// The first key that one object of `text` (JSON, as parseBackup reads it) holds twice, or null:
// JSON.parse keeps the last of the two without a word (two backups pasted into one by hand).
export function namedTwice(text) {
  const objects = []; // the keys of each object or list open at this point (null for a list)
  let nextIsKey = false;
  for (const [token] of text.matchAll(TOKEN)) {
    if (token === "{" || token === "[") {
      objects.push(token === "{" ? new Set() : null);
      nextIsKey = token === "{";
    } else if (token === "}" || token === "]") {
      objects.pop();
      nextIsKey = false;
    } else if (token === ",") {
      nextIsKey = objects.at(-1) instanceof Set;
    } else if (token === ":") {
      nextIsKey = false;
    } else if (nextIsKey) {
      const name = JSON.parse(token);
      if (objects.at(-1).has(name)) return name;
      objects.at(-1).add(name);
      nextIsKey = false;
    }
  }
  return null;
}
