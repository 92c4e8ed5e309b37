import type { FormDraft } from '../domain/form-rules.js';

/** Code of the form seeded at start. */
export const DEFAULT_FORM_CODE = 'mac-dinh';

/** Labels of the 1–5 scale, shown by the kiosk and the public page. */
export const SCALE_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'Rất không hài lòng',
  2: 'Không hài lòng',
  3: 'Bình thường',
  4: 'Hài lòng',
  5: 'Rất hài lòng',
};

/** The default form: the five usual aspects of a visit to a one-stop desk, in the project's own words. */
export const DEFAULT_FORM: FormDraft = {
  title: 'Phiếu lấy ý kiến về sự hài lòng đối với dịch vụ hành chính công',
  description:
    'Xin Ông/Bà dành ít phút cho biết cảm nhận về lần giải quyết thủ tục vừa qua. Phiếu không ghi tên; ý kiến chỉ dùng để cải thiện cách phục vụ.',
  satisfiedMin: 4,
  sections: [
    {
      key: 'A',
      title: 'Tiếp cận dịch vụ',
      questions: [
        { key: 'A.1', type: 'scale_1_5', text: 'Nơi tiếp nhận hồ sơ dễ tìm, đi lại thuận tiện', required: true },
        {
          key: 'A.2',
          type: 'scale_1_5',
          text: 'Khu vực chờ đủ chỗ ngồi, sạch sẽ, có nước uống và nhà vệ sinh',
          required: true,
        },
        {
          key: 'A.3',
          type: 'scale_1_5',
          text: 'Máy lấy số thứ tự, máy tra cứu hoạt động tốt và dễ dùng',
          required: true,
        },
      ],
    },
    {
      key: 'B',
      title: 'Thủ tục hành chính',
      questions: [
        { key: 'B.1', type: 'scale_1_5', text: 'Thủ tục được niêm yết công khai, đầy đủ và dễ hiểu', required: true },
        {
          key: 'B.2',
          type: 'scale_1_5',
          text: 'Giấy tờ phải nộp đúng như danh mục đã niêm yết, không phải bổ sung ngoài quy định',
          required: true,
        },
        { key: 'B.3', type: 'scale_1_5', text: 'Phí, lệ phí phải nộp đúng mức đã công bố', required: true },
      ],
    },
    {
      key: 'C',
      title: 'Công chức tiếp nhận và giải quyết hồ sơ',
      questions: [
        { key: 'C.1', type: 'scale_1_5', text: 'Công chức chào hỏi, lắng nghe và cư xử lịch sự', required: true },
        {
          key: 'C.2',
          type: 'scale_1_5',
          text: 'Công chức giải thích, hướng dẫn kê khai rõ ràng, một lần là đủ',
          required: true,
        },
        {
          key: 'C.3',
          type: 'scale_1_5',
          text: 'Công chức không gây khó dễ, không gợi ý chi thêm tiền',
          required: true,
        },
      ],
    },
    {
      key: 'D',
      title: 'Kết quả giải quyết',
      questions: [
        { key: 'D.1', type: 'scale_1_5', text: 'Nhận kết quả đúng ngày hẹn hoặc sớm hơn', required: true },
        {
          key: 'D.2',
          type: 'scale_1_5',
          text: 'Kết quả nhận được đúng quy định, thông tin không sai sót',
          required: true,
        },
      ],
    },
    {
      key: 'E',
      title: 'Tiếp nhận và xử lý góp ý, phản ánh',
      questions: [
        {
          key: 'E.1',
          type: 'single_choice',
          text: 'Ông/Bà đã từng gửi góp ý, phản ánh về việc giải quyết thủ tục tại đây chưa?',
          options: [
            { key: 'roi', label: 'Đã từng' },
            { key: 'chua', label: 'Chưa' },
          ],
        },
        {
          key: 'E.2',
          type: 'scale_1_5',
          text: 'Có cách gửi góp ý, phản ánh dễ dàng (hòm thư, số điện thoại, mạng)',
          required: true,
        },
        { key: 'E.3', type: 'scale_1_5', text: 'Góp ý, phản ánh được trả lời kịp thời và thỏa đáng (nếu đã từng gửi)' },
        { key: 'E.4', type: 'comment', text: 'Ông/Bà muốn cơ quan cải thiện điều gì?', maxLength: 1000 },
      ],
    },
  ],
};

/** A starting list of procedures; admins add the province's own list. */
export const DEFAULT_PROCEDURES: { code: string; name: string; field: string }[] = [
  { code: 'ho-tich-khai-sinh', name: 'Đăng ký khai sinh', field: 'Hộ tịch' },
  { code: 'ho-tich-ket-hon', name: 'Đăng ký kết hôn', field: 'Hộ tịch' },
  { code: 'ho-tich-khai-tu', name: 'Đăng ký khai tử', field: 'Hộ tịch' },
  { code: 'chung-thuc-ban-sao', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' },
  { code: 'chung-thuc-chu-ky', name: 'Chứng thực chữ ký trong giấy tờ, văn bản', field: 'Chứng thực' },
  { code: 'dat-dai-bien-dong', name: 'Đăng ký biến động quyền sử dụng đất', field: 'Đất đai' },
  { code: 'xay-dung-giay-phep', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng' },
  { code: 'ho-kinh-doanh', name: 'Đăng ký thành lập hộ kinh doanh', field: 'Thành lập và hoạt động của hộ kinh doanh' },
  { code: 'khac', name: 'Thủ tục khác', field: 'Khác' },
];
