import { describe, expect, it } from '@jest/globals';
import { maskedExcerpt } from '../../src/artifacts/excerpt.js';

/** The excerpt of `text` around its only `TOKEN`. */
function around(text: string): string {
  const buf = Buffer.from(text);
  const s = buf.indexOf('TOKEN');
  return maskedExcerpt(buf, 0, buf.length, s, s + 'TOKEN'.length);
}

describe('maskedExcerpt', () => {
  it('keeps the code and the token literal, and masks every other literal', () => {
    expect(around(`a={DB:"postgres://u:pw@h/db",K:"TOKEN",X:'pw',Y:\`pw\`}`)).toBe(
      `a={DB:"…",K:"TOKEN",X:'…',Y:\`…\`}`
    );
  });

  it('keeps the rest of the token literal (a URL around a host)', () => {
    expect(around(`s="https://TOKEN/npm/clerk.js",t="pw"`)).toBe(`s="https://TOKEN/npm/clerk.js",t="…"`);
  });

  it('masks a literal cut by either edge of the window', () => {
    expect(around(`pw@h/db",K:"TOKEN",X:"pw`)).toBe(`…",K:"TOKEN",X:"…`);
  });

  it('masks a whole side when the token literal has no quote on it', () => {
    expect(around(`x pw TOKEN pw y`)).toBe('…TOKEN…');
    expect(around(`TOKEN`)).toBe('TOKEN');
  });

  it('shows tabs as spaces, and leaves other control characters to the reporters', () => {
    expect(around(`\t\tconst k = "TOKEN";\t// x\r`)).toBe(`  const k = "TOKEN"; // x\r`);
  });

  it('keeps empty literals as they are', () => {
    expect(around(`a="",b="TOKEN",c=""`)).toBe(`a="",b="TOKEN",c=""`);
  });
});
