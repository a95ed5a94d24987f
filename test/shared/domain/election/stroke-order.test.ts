import fc from 'fast-check';
import { compareBySurnameStrokes, sortBySurnameStrokes, surnameStrokeKey, unrankedCharacters } from '../../../../shared/domain/election';

describe('surnameStrokeKey: stroke counts and classes from cnchar-order', () => {
  test.each([
    ['丁', '丁2:一丨'],
    ['马', '马3:乛乛一'],
    ['王', '王4:一一丨一'],
    ['刘', '刘6:丶一丿丶丨丨'],
    ['李', '李7:一丨丿丶乛丨一'],
    ['张', '张7:乛一乛丿一乛丶'],
    ['陈', '陈7:乛丨一乛丨丿丶'],
    ['王小明', '王4:一一丨一 / 小3:丨丿丶 明8:丨乛一一丿乛一一'],
    ['欧阳修', '欧8:一丿丶乛丿乛丿丶 阳6:乛丨丨乛一一 / 修9:丿丨丨丿乛丶丿丿丿'],
    ['欧阳', '欧8:一丿丶乛丿乛丿丶 / 阳6:乛丨丨乛一一'],
    ['Alice', 'A? / l? i? c? e?'],
    ['陳', '陳10:乛丨一丨乛一一丨丿丶'],
    ['王琤', '王4:一一丨一 / 琤?'],
  ])('%s → %s', (name, key) => {
    expect(surnameStrokeKey(name)).toBe(key);
  });
});

describe('sortBySurnameStrokes: known orders', () => {
  test.each([
    ['by stroke count', ['王五', '丁一', '李四', '马六'], ['丁一', '马六', '王五', '李四']],
    ['count, then first stroke: 李 (一) before 张 (乛)', ['张三', '李四'], ['李四', '张三']],
    ['张 (乛一) before 陈 (乛丨) at the second stroke', ['陈八', '张三'], ['张三', '陈八']],
    ['王 4 before 刘 6 before 陈 7', ['陈八', '刘七', '王五'], ['王五', '刘七', '陈八']],
    ['the whole ladder', ['陈八', '张三', '李四', '刘七', '王五', '马六', '丁一'], ['丁一', '马六', '王五', '刘七', '李四', '张三', '陈八']],
    ['欧阳 ranks by 欧 among the 8-stroke surnames: 林 一丨, 欧 一丿, 周 丿, 郑 丶', ['郑伟', '周杰', '欧阳修', '林峰', '李白'], ['李白', '林峰', '欧阳修', '周杰', '郑伟']],
    ['the compound surname is a unit: every 欧 before every 欧阳', ['欧阳一', '欧阿'], ['欧阿', '欧阳一']],
    ['identical surnames by the given name', ['王小明', '王大为', '王五'], ['王大为', '王小明', '王五']],
    ['a shorter name that is a prefix comes first', ['王小明', '王小', '王'], ['王', '王小', '王小明']],
    ['one surname stays together when two characters share strokes (人, 八: 丿丶)', ['八一', '人二', '八二', '人一'], ['人一', '人二', '八一', '八二']],
    ['names whose first character no data knows follow the others, in code-point order', ['Bob', '王五', 'Alice', '丁一', ''], ['丁一', '王五', '', 'Alice', 'Bob']],
    ['traditional characters by their own strokes: 王 4, 张 7, 陳 10, 張 11, 諸 16', ['諸葛亮', '張三', '陳大文', '王五', '张三'], ['王五', '张三', '陳大文', '張三', '諸葛亮']],
    ['rare standard characters by their strokes: 王 4, 堃 11, 龑 20', ['龑一', '堃一', '王一'], ['王一', '堃一', '龑一']],
    ['a given name with a character no data knows still sorts by the surname (王琤 among the 王, after the known ones)', ['李四', '王琤', '王五', '丁一'], ['丁一', '王五', '王琤', '李四']],
    ['a surname no data knows (𠀀) after the known surnames, in code-point order', ['Bob', '𠀀明', '王五'], ['王五', 'Bob', '𠀀明']],
    ['a middle dot is skipped', ['阿依古丽·买买提', '王五'], ['王五', '阿依古丽·买买提']],
    ['identical names stay', ['王五', '王五', '丁一'], ['丁一', '王五', '王五']],
    ['empty', [], []],
  ])('%s', (_label, input, expected) => {
    expect(sortBySurnameStrokes(input)).toEqual(expected);
  });

  test('the characters no data knows are listed for staff', () => {
    expect(unrankedCharacters('王琤')).toEqual(['琤']);
    expect(unrankedCharacters('陳大文')).toEqual([]);
    expect(unrankedCharacters('阿依古丽·买买提')).toEqual([]);
    expect(unrankedCharacters('𠀀明𠀀')).toEqual(['𠀀']);
    expect(unrankedCharacters('')).toEqual(['']);
  });

  test('does not change its input', () => {
    const input = ['张三', '李四'];
    sortBySurnameStrokes(input);
    expect(input).toEqual(['张三', '李四']);
  });
});

describe('sortBySurnameStrokes: properties', () => {
  const CHARS = [...'丁马王刘李张陈欧阳周郑林人八一二小大明伟司徒诸葛上官杰'];
  const nameArb = fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom('Alice', '諸葛亮', '王·五', '') },
  );
  const namesArb = fc.array(nameArb, { maxLength: 25 });

  test('the result is a permutation of the input', () => {
    fc.assert(
      fc.property(namesArb, (names) => {
        const sorted = sortBySurnameStrokes(names);
        expect([...sorted].sort()).toEqual([...names].sort());
      }),
    );
  });

  test('sorting is idempotent', () => {
    fc.assert(
      fc.property(namesArb, (names) => {
        const once = sortBySurnameStrokes(names);
        expect(sortBySurnameStrokes(once)).toEqual(once);
      }),
    );
  });

  test('the result does not depend on the input order', () => {
    fc.assert(
      fc.property(
        namesArb.chain((names) => fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }))),
        ([names, shuffled]) => {
          expect(sortBySurnameStrokes(shuffled)).toEqual(sortBySurnameStrokes(names));
        },
      ),
    );
  });

  test('the comparator is antisymmetric and 0 only for identical names', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(Math.sign(compareBySurnameStrokes(a, b)) || 0).toBe(0 - Math.sign(compareBySurnameStrokes(b, a)) || 0);
        expect(compareBySurnameStrokes(a, b) === 0).toBe(a === b);
      }),
    );
  });
});
