import { joinCategoryPath, joinDisplayPath, splitCategoryPath, splitDisplayPath, topicNameKey } from './topic-path.js';

describe('splitCategoryPath (Moodle rule)', () => {
  it.each([
    ['$course$/top/CCHC/Thủ tục hành chính', ['CCHC', 'Thủ tục hành chính']],
    ['$course$/Default for New Features', ['Default for New Features']],
    ['$course$/Iota/Kappa/Lambda', ['Iota', 'Kappa', 'Lambda']],
    ['$system$/top/A', ['A']],
    ['$course$/top/Chính phủ số // hiện đại hóa', ['Chính phủ số / hiện đại hóa']],
    ['công vụ//CBCCVC/Tuyển dụng', ['công vụ/CBCCVC', 'Tuyển dụng']],
    ['Thể chế', ['Thể chế']],
    ['A/ /B/', ['A', 'B']],
    ['top/A', ['top', 'A']],
    ['$course$', []],
  ])('%s → %j', (path, parts) => {
    expect(splitCategoryPath(path)).toEqual(parts);
  });

  it.each([[['Chính phủ số / hiện đại hóa']], [['CCHC', 'Thủ tục hành chính']], [[]]])('round-trips %j', (parts) => {
    expect(splitCategoryPath(joinCategoryPath(parts))).toEqual(parts);
  });
});

describe('display paths', () => {
  it.each([
    ['CCHC > Thủ tục hành chính', ['CCHC', 'Thủ tục hành chính']],
    ['  Thể chế ', ['Thể chế']],
    ['Chính phủ số / hiện đại hóa', ['Chính phủ số / hiện đại hóa']],
    ['', []],
  ])('%j → %j', (path, parts) => {
    expect(splitDisplayPath(path)).toEqual(parts);
    expect(splitDisplayPath(joinDisplayPath(parts))).toEqual(parts);
  });

  it('matches topic names without regard to case or spacing', () => {
    expect(topicNameKey(' thể  CHẾ ')).toBe(topicNameKey('Thể chế'));
    expect(topicNameKey('The che')).not.toBe(topicNameKey('Thể chế'));
  });
});
