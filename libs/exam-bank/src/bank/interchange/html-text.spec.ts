import { decodeEntities, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>Thủ tục hành chính</p>', 'Thủ tục hành chính'],
    ['<p>Dòng một</p>\n  <p>Dòng hai</p>', 'Dòng một\nDòng hai'],
    ['A<br/>B<br />C', 'A\nB\nC'],
    ['<b>đậm</b>   và\n   <i>nghiêng</i>', 'đậm và nghiêng'],
    ['5 &lt; 7 &amp;&amp; &quot;x&quot; &#273;&#x1EA1;t', '5 < 7 && "x" đạt'],
    ['<a href="http://x">Nghe\u00a0đoạn này:</a><br /><br />Ngôn ngữ gì?', 'Nghe đoạn này:\n\nNgôn ngữ gì?'],
    ['a &unknown; b', 'a &unknown; b'],
    ['<!-- ghi chú --><p>x</p>', 'x'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('decodes numeric entities beyond the BMP', () => {
    expect(decodeEntities('&#x1F3C6;')).toBe('🏆');
  });
});
