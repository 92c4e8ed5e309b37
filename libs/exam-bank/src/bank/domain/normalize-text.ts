/**
 * The searchable, comparable form of a text: Unicode NFC, lower case, Vietnamese diacritics removed
 * (đ → d), runs of white space collapsed to one space, trimmed. "Thủ  tục HÀNH chính" → "thu tuc hanh chinh".
 * Used for search without accents and for finding duplicates.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/** The key of a tag for filtering: normalised, without the separator used in the tag index. */
export function tagKey(tag: string): string {
  return normalizeText(tag).replace(/\|/g, ' ');
}

/** "|a|b|": the normalised tags of a question, for an exact match with LIKE '%|tag|%'. */
export function tagIndex(tags: readonly string[]): string {
  const keys = [...new Set(tags.map(tagKey).filter((k) => k.length > 0))];
  return keys.length ? `|${keys.join('|')}|` : '';
}
