/**
 * The import readers (libs/exam-bank bank/interchange, bank/domain/question-rules.ts) explain a
 * refused item in English free text, with no code. For Vietnamese readers the known sentences are
 * rendered in Vietnamese here, keeping the parts they quote ($1, $2 …); anything not in the table
 * is shown as the server wrote it, so a new server sentence is never lost, only left in English.
 */
const VI: readonly [RegExp, string][] = [
  [
    /^Essay questions \(\{\}\) are not supported/,
    'Câu tự luận ({}) không được hỗ trợ: chỉ nhận câu trắc nghiệm và Đúng/Sai',
  ],
  [
    /^Numerical questions \(\{#…\}\) are not supported/,
    'Câu trả lời bằng số ({#…}) không được hỗ trợ: chỉ nhận câu trắc nghiệm và Đúng/Sai',
  ],
  [
    /^Matching questions \(… -> …\) are not supported/,
    'Câu ghép cặp (… -> …) không được hỗ trợ: chỉ nhận câu trắc nghiệm và Đúng/Sai',
  ],
  [
    /^Short-answer questions \(only = answers\) are not supported/,
    'Câu trả lời ngắn (chỉ có đáp án =) không được hỗ trợ: chỉ nhận câu trắc nghiệm và Đúng/Sai',
  ],
  [/^No answer block \{ … \}/, 'Không có khối đáp án { … }: đoạn mô tả không phải câu hỏi nên không được nhập'],
  [/^The answer block is not closed with \}$/, 'Khối đáp án chưa được đóng bằng dấu }'],
  [/^Text before the first answer in the answer block: (".*")$/, 'Có chữ trước đáp án đầu tiên trong khối đáp án: $1'],
  [
    /^Moodle question type "(.+)" is not supported/,
    'Loại câu hỏi Moodle "$1" không được hỗ trợ: chỉ nhận multichoice và truefalse',
  ],
  [/^Not well-formed XML: (.*)$/, 'Tệp XML bị lỗi cú pháp: $1'],
  [/^Not a Moodle XML file: no <quiz> element$/, 'Không phải tệp Moodle XML: thiếu thẻ <quiz>'],
  [/^A truefalse question needs a "true" and a "false" answer$/, 'Câu Đúng/Sai cần một đáp án "true" và một "false"'],
  [/^Answer (\d+) has a fraction that is not a number$/, 'Đáp án $1 có trọng số không phải là số'],
  [/^The file is not UTF-8 text/, 'Tệp không phải văn bản UTF-8: hãy lưu lại theo bảng mã UTF-8 rồi nhập lại'],
  [/^The file is not an Excel \(\.xlsx\) workbook$/, 'Tệp không phải bảng tính Excel (.xlsx)'],
  [/^The workbook has no sheet$/, 'Bảng tính không có trang nào'],
  [/^Unknown column "(.*)"$/, 'Cột không có trong mẫu: "$1"'],
  [/^The column "(.*)" is missing$/, 'Thiếu cột "$1"'],
  [
    /^"(.+)" is empty: write the letter of the right option/,
    'Cột "$1" đang trống: ghi chữ cái của phương án đúng (A, B …)',
  ],
  [/^"(.+)" names option (.+), which is not filled in$/, 'Cột "$1" chỉ phương án $2 nhưng phương án này để trống'],
  [/^"(.+)" is (.+), but no option says so$/, 'Cột "$1" là $2 nhưng không phương án nào như vậy'],
  [/^"(.+)" in "(.+)" is not a number$/, '"$1" ở cột "$2" không phải là số'],
  [/^"(.+)" in "(.+)" is not like "A: 50"$/, '"$1" ở cột "$2" không đúng dạng "A: 50"'],
  [/^"(.+)" gives weight to other options than "(.+)"$/, 'Cột "$1" cho trọng số vào phương án không có trong cột "$2"'],
  [/^"(.+)" is Có or Không, not "(.*)"$/, 'Cột "$1" chỉ nhận Có hoặc Không, không nhận "$2"'],
  [/^"(.*)" is not a value of "(.+)" \((.+)\)$/, '"$1" không phải giá trị của cột "$2" ($3)'],
  [/^The question text is empty$/, 'Nội dung câu hỏi đang trống'],
  [/^The question text is longer than (\d+) characters$/, 'Nội dung câu hỏi dài quá $1 ký tự'],
  [/^Points must be a positive number$/, 'Điểm phải là số dương'],
  [/^A question needs at least (\d+) options$/, 'Câu hỏi cần ít nhất $1 phương án'],
  [/^A question may have at most (\d+) options$/, 'Câu hỏi có tối đa $1 phương án'],
  [
    /^A single-choice question needs exactly one right option \(100 %\); it has (\d+)$/,
    'Câu một đáp án cần đúng một phương án 100 %; câu này có $1',
  ],
  [/^A multiple-choice question needs at least one right option$/, 'Câu nhiều đáp án cần ít nhất một phương án đúng'],
  [
    /^A true\/false question has exactly the two options/,
    'Câu Đúng/Sai có đúng hai phương án "Đúng" và "Sai" (hoặc "True" và "False")',
  ],
  [
    /^A true\/false question has exactly one right option/,
    'Câu Đúng/Sai có đúng một phương án đúng (100 %), phương án còn lại 0 %',
  ],
  [/^(Option|Answer) (\S+) is empty$/, 'Phương án $2 đang trống'],
  [/^(Option|Answer) (\S+) has a weight outside/, 'Phương án $2 có trọng số ngoài khoảng −100 %…100 %'],
  [/^A tag is empty$/, 'Có thẻ để trống'],
  [/^A question may have at most (\d+) tags$/, 'Câu hỏi có tối đa $1 thẻ'],
  [/^The title is longer than 255 characters$/, 'Tiêu đề dài quá 255 ký tự'],
  [/^The external id is longer than 100 characters$/, 'Mã câu hỏi dài quá 100 ký tự'],
  [/^The topic path has an empty part$/, 'Đường dẫn chủ đề có một cấp để trống'],
  [/^A topic name is longer than 255 characters$/, 'Tên chủ đề dài quá 255 ký tự'],
  [
    /^No topic: the file gives none here and no topic was chosen/,
    'Không có chủ đề: tệp không ghi chủ đề cho câu này và chưa chọn chủ đề để đặt khi nhập',
  ],
  [/^Unknown difficulty "(.*)"/, 'Độ khó "$1" không hợp lệ (Dễ, Trung bình hoặc Khó)'],
  [/^Unknown target level "(.*)"/, 'Cấp "$1" không hợp lệ (Tỉnh, Huyện hoặc Xã)'],
];

/** A refused item's reason as the reader of `lang` should see it. */
export function importReason(reason: string, lang: 'vi' | 'en'): string {
  if (lang === 'en') return reason;
  for (const [pattern, vi] of VI) {
    const m = pattern.exec(reason);
    if (m) return vi.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return reason;
}
