/**
 * Policy values are dated data in rules/, never literals in the web UI (issue 14;
 * developers' guide, "Exact and explained"): a number followed by 分/岁/倍/个月/年 in a
 * string literal, template text or JSX text of web/src would be wrong the day the next
 * policy version starts. The pages take such words from GET /api/v1/rules?at=.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(process.cwd(), 'web', 'src');
/** A number (Arabic or Chinese numerals) followed by a policy unit. */
export const POLICY_NUMBER = /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(?:分|周岁|岁|倍|个月|年)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every piece of text a person could read: string literals, template parts and JSX text. */
export function textsOf(path: string): { line: number; text: string }[] {
  const src = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const line = src.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ line, text: node.text });
    }
    node.forEachChild(visit);
  };
  visit(src);
  return out;
}

describe('web/src has no policy numbers in its text', () => {
  it('finds none (a number followed by 分/岁/倍/个月/年)', () => {
    const hits = sourceFiles(ROOT).flatMap((path) =>
      textsOf(path)
        .filter((t) => POLICY_NUMBER.test(t.text))
        .map((t) => `${relative(process.cwd(), path)}:${t.line}: ${t.text.trim().slice(0, 80)}`),
    );
    expect(hits).toEqual([]);
  });

  it('would catch one (the scan itself works)', () => {
    expect(POLICY_NUMBER.test('43周岁及以下积30分')).toBe(true);
    expect(POLICY_NUMBER.test('满6个月')).toBe(true);
    expect(POLICY_NUMBER.test('申请日期')).toBe(false);
  });
});
