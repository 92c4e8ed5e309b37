import { detectEvidenceType } from './file-type.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectEvidenceType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'jpg'],
    ['a docx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'), 'docx'],
    ['an xlsx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml'), 'xlsx'],
    ['a plain zip', bytes([0x50, 0x4b, 0x03, 0x04], '....evil.exe'), null],
    ['a Windows program named .pdf', bytes('MZ\x90\x00'), null],
    ['an HTML page', bytes('<!doctype html><script>'), null],
    ['a PDF header not at the start', bytes(' %PDF-1.7'), null],
    ['an empty file', bytes(), null],
  ])('%s → %p', (_name, buf, type) => {
    expect(detectEvidenceType(buf)).toBe(type);
  });
});
