import { normalizeText, tagIndex } from './normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['Thủ tục hành chính', 'thu tuc hanh chinh'],
    ['THỦ TỤC  HÀNH\tCHÍNH', 'thu tuc hanh chinh'],
    ['  Đổi mới   đồng bộ ', 'doi moi dong bo'],
    ['ĐẢNG', 'dang'],
    // decomposed input (NFD, as some Mac keyboards send it) equals the composed form
    ['Thu\u0309 tu\u0323c', 'thu tuc'],
    ['Chính phủ số / hiện đại hóa', 'chinh phu so / hien dai hoa'],
    ['Ưu tiên Ơn huệ', 'uu tien on hue'],
    ['line\nbreak', 'line break'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('tagIndex', () => {
  it.each([
    [[], ''],
    [['Cấp xã'], '|cap xa|'],
    [['Cấp xã', 'cap XA', 'Năm 2025'], '|cap xa|nam 2025|'],
    [['a|b'], '|a b|'],
    [['  '], ''],
  ])('%j → %j', (tags, expected) => {
    expect(tagIndex(tags)).toBe(expected);
  });
});
