/**
 * The evidence file types accepted, recognised by their first bytes rather than the name or the
 * browser's content type. docx and xlsx are zip files told apart by the folder their parts live in.
 */
export type EvidenceType = 'pdf' | 'png' | 'jpg' | 'docx' | 'xlsx';

export const EVIDENCE_MIME: Record<EvidenceType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const startsWith = (buf: Uint8Array, bytes: number[]): boolean => bytes.every((b, i) => buf[i] === b);

/** The file's type by content, or null when it is none of the accepted types. */
export function detectEvidenceType(buf: Uint8Array): EvidenceType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // Zip entry names are stored as plain text in the local headers and the central directory.
    const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
    if (!text.includes('[Content_Types].xml')) return null;
    if (text.includes('word/')) return 'docx';
    if (text.includes('xl/')) return 'xlsx';
  }
  return null;
}
