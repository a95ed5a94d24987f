import cnchar from 'cnchar';
import order from 'cnchar-order';
import trad from 'cnchar-trad';

/**
 * 姓氏笔画排序 for ballot papers (docs/domain/elections.md, E9): candidates ordered by the strokes of their surname,
 * with the character data of `cnchar` + `cnchar-order` (6,944 Simplified characters) and `cnchar-trad` (traditional
 * characters such as 陳 張 劉 and their stroke orders), offline; note that importing `cnchar` adds `spell`/`stroke` to
 * `String.prototype`.
 *
 * Each character is compared by its stroke count, then stroke by stroke in the order 横 一, 竖 丨, 撇 丿, 点 丶, 折 乛
 * (提 counts as 横, 竖钩 as 竖, 捺 as 点, every turning stroke as 折), then, as the last resort for characters with
 * the same strokes, by code point so that one surname stays together. Names compare surname first (a compound
 * surname such as 欧阳 as a unit: every 欧 before every 欧阳), then the given name, character by character; a
 * shorter run that is a prefix of the other comes first. A character the data does not know (a rare character, a
 * Latin letter or digit) ranks after every known character at its place, in code-point order, so a name is still
 * sorted by what is known (王琤 among the 王, after the 王 whose second character is known); such names are listed by
 * {@link unrankedCharacters} for staff to check. A middle dot (·) in a transcribed name such as 阿依古丽·买买提 is skipped.
 */

cnchar.use(order, trad);

/** Compound surnames (复姓) taken as the surname when the name has at least one more character. */
export const COMPOUND_SURNAMES: readonly string[] = Object.freeze([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐',
  '夏侯', '端木', '司空', '轩辕', '万俟', '澹台', '呼延', '南宫', '钟离', '闻人', '西门', '赫连', '濮阳',
  '申屠', '太史', '百里', '东郭', '独孤', '拓跋', '单于', '公羊', '公冶', '左丘', '第五', '亓官', '司寇',
]);

/** The five basic stroke classes (笔形), in their sorting order. */
const SHAPES = ['一', '丨', '丿', '丶', '乛'] as const;

/** cnchar-order stroke letters to a class 1–5: 横/提 1, 竖/竖钩 2, 撇 3, 点/点2/捺 4; any other letter (a 折笔) 5. */
const CLASS_OF_LETTER: Readonly<Record<string, number>> = { j: 1, i: 1, f: 2, g: 2, s: 3, k: 4, d: 4, l: 4 };

const SEPARATORS = new Set(['·', '•', '・']);

interface CharKey {
  readonly char: string;
  /** False when the data has no strokes for the character: it ranks after every known one. */
  readonly known: boolean;
  readonly count: number;
  /** Stroke classes 1–5; empty when the data has the count but not the order (then after every known order). */
  readonly classes: readonly number[];
}

interface NameKey {
  readonly surname: readonly CharKey[];
  readonly given: readonly CharKey[];
}

const charCache = new Map<string, CharKey>();

function charKey(char: string): CharKey {
  const cached = charCache.get(char);
  if (cached !== undefined) return cached;
  let key: CharKey = { char, known: false, count: 0, classes: [] };
  if (/^\p{Script=Han}$/u.test(char)) {
    const count = cnchar.stroke(char);
    if (typeof count === 'number' && count > 0) {
      const letters: unknown = (cnchar.stroke(char, 'order') as unknown[])[0];
      const classes = typeof letters === 'string' && letters.length === count ? [...letters].map((l) => CLASS_OF_LETTER[l] ?? 5) : [];
      key = { char, known: true, count, classes };
    }
  }
  charCache.set(char, key);
  return key;
}

/** An empty name: one unknown "character" that sorts before every other unknown one. */
const EMPTY: NameKey = { surname: [{ char: '', known: false, count: 0, classes: [] }], given: [] };

function nameKey(name: string): NameKey {
  const chars = [...name].filter((c) => !SEPARATORS.has(c));
  if (chars.length === 0) return EMPTY;
  const keys = chars.map(charKey);
  const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.includes(chars[0] + chars[1]) ? 2 : 1;
  return { surname: keys.slice(0, surnameLength), given: keys.slice(surnameLength) };
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code points, not UTF-16 units: 𠀀 (U+20000) after 龥 (U+9FA5). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = compareNumbers(x[i].codePointAt(0)!, y[i].codePointAt(0)!);
    if (d !== 0) return d;
  }
  return compareNumbers(x.length, y.length);
}

function compareChars(a: CharKey, b: CharKey): number {
  if (a.known !== b.known) return a.known ? -1 : 1;
  if (!a.known) return compareCodePoints(a.char, b.char);
  if (a.count !== b.count) return compareNumbers(a.count, b.count);
  if (a.classes.length === 0 || b.classes.length === 0) {
    if (a.classes.length !== b.classes.length) return a.classes.length === 0 ? 1 : -1;
  } else {
    for (let i = 0; i < a.classes.length; i++) {
      if (a.classes[i] !== b.classes[i]) return compareNumbers(a.classes[i], b.classes[i]);
    }
  }
  return compareCodePoints(a.char, b.char);
}

function compareRuns(a: readonly CharKey[], b: readonly CharKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareChars(a[i], b[i]);
    if (d !== 0) return d;
  }
  return compareNumbers(a.length, b.length);
}

/** The comparator behind `sortBySurnameStrokes`: 0 only for identical names. */
export function compareBySurnameStrokes(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  return compareRuns(x.surname, y.surname) || compareRuns(x.given, y.given) || compareCodePoints(a, b);
}

/** The names in 姓氏笔画 order, as a new array; identical names keep their given order. */
export function sortBySurnameStrokes(names: readonly string[]): string[] {
  return [...names].sort(compareBySurnameStrokes);
}

function describeRun(run: readonly CharKey[]): string {
  return run.map((k) => (k.known ? `${k.char}${k.count}${k.classes.length ? ':' + k.classes.map((c) => SHAPES[c - 1]).join('') : ':?'}` : `${k.char}?`)).join(' ');
}

/**
 * The sort key as text, for display and debugging: `欧8:一丿丶乛丿乛丿丶 阳6:乛丨丨乛一一 / 修9:丿丨丨丿乛丶丿丿丿`
 * (surname, then given name; each character with its stroke count and stroke classes; `琤?` for a character the data
 * does not know).
 */
export function surnameStrokeKey(name: string): string {
  const key = nameKey(name);
  return key.given.length ? `${describeRun(key.surname)} / ${describeRun(key.given)}` : describeRun(key.surname);
}

/**
 * The characters of a name that the stroke data does not know (each once, in order): such a name is sorted by what
 * is known and must be checked by staff (the ballot page lists it). Empty for a name fully ranked; `['']` for an
 * empty name.
 */
export function unrankedCharacters(name: string): string[] {
  const key = nameKey(name);
  return [...new Set([...key.surname, ...key.given].filter((k) => !k.known).map((k) => k.char))];
}
