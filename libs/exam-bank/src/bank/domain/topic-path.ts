/**
 * Topic paths in files. Moodle category paths ("$course$/top/CCHC/Thủ tục hành chính") split on a
 * single "/", and "//" stands for a literal slash (Moodle's qformat_default::split_category_path).
 * Spreadsheets use "CCHC > Thủ tục hành chính", easier to type.
 */
export function splitCategoryPath(path: string): string[] {
  const parts = path
    .split(/(?<!\/)\/(?!\/)/)
    .map((p) => p.replace(/\/\//g, '/').trim())
    .filter((p) => p.length > 0);
  // The context ($course$, $system$, $cat1$ …) and Moodle's "top" category are not topics.
  if (parts.length && /^\$[a-z0-9]+\$$/i.test(parts[0])) {
    parts.shift();
    if (parts[0]?.toLowerCase() === 'top') parts.shift();
  }
  return parts;
}

/** The Moodle path of a topic, under the course context and Moodle's top category. */
export function joinCategoryPath(parts: readonly string[]): string {
  return ['$course$', 'top', ...parts.map((p) => p.replace(/\//g, '//'))].join('/');
}

export const DISPLAY_SEPARATOR = ' > ';

export function splitDisplayPath(path: string): string[] {
  return path
    .split('>')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function joinDisplayPath(parts: readonly string[]): string {
  return parts.join(DISPLAY_SEPARATOR);
}

/** How topic names are matched when a file names them: NFC, case and outer spaces ignored. */
export function topicNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
