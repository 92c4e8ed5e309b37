/**
 * The default topic tree: the reform areas (lĩnh vực CCHC) the PAR Index and the inspection tests
 * are organised by, plus general knowledge of state administration. Provinces rename, move and add
 * to them freely.
 */
export const DEFAULT_TOPICS: readonly string[] = [
  'Chỉ đạo điều hành',
  'Thể chế',
  'Thủ tục hành chính',
  'Tổ chức bộ máy',
  'Công chức',
  'Tài chính công',
  'Chính phủ số / hiện đại hóa',
  'Kiến thức chung',
];
