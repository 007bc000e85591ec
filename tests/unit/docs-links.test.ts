// The README and docs/ link only to what a reader of the repository can open: every relative link or
// image names a file inside the repository that exists and is not git-ignored (a screenshot under an
// ignored folder exists on the machine that made it and nowhere else), and every #anchor names a
// heading of its target. The README stays a front door: at most 250 lines (issue 28).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors, isExternal, linksOf } from '../../scripts/docs/markdown-links.js';

const root = resolve(import.meta.dirname, '../..');

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => resolve(dir, name));
}

const documents = [
  resolve(root, 'README.md'),
  ...markdownUnder(resolve(root, 'docs')),
  ...markdownUnder(resolve(root, 'store')),
];
const name = (path: string) => relative(root, path);

/** The paths among these that git ignores (`git check-ignore` prints exactly those). */
function ignoredByGit(paths: string[]): Set<string> {
  if (paths.length === 0) return new Set();
  try {
    const out = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: root, input: paths.join('\n') });
    return new Set(out.toString().split('\n').filter(Boolean));
  } catch (error) {
    // Exit status 1: none of them is ignored.
    if ((error as { status?: number }).status === 1) return new Set();
    throw error;
  }
}

/** What is wrong with one link of one document, or undefined when a reader can follow it. */
function problemOf(document: string, href: string): string | undefined {
  if (isExternal(href)) return undefined;
  const [rawPath = '', anchor] = href.split('#', 2);
  const path = decodeURIComponent(rawPath);
  if (path.startsWith('/')) return 'starts at / (GitHub and the guide page read it differently): make it relative';
  const target = path === '' ? document : resolve(dirname(document), path);
  const inside = relative(root, target);
  if (inside.startsWith('..') || isAbsolute(inside)) return 'points outside the repository';
  if (!existsSync(target)) return 'points to a missing file';
  if (anchor !== undefined && target.endsWith('.md') && statSync(target).isFile()) {
    if (!headingAnchors(readFileSync(target, 'utf8')).has(anchor)) return `#${anchor} is no heading of ${name(target)}`;
  }
  return undefined;
}

describe('README and docs links', () => {
  it('finds the README and the docs', () => {
    expect(documents.map(name)).toContain('README.md');
    expect(documents.map(name)).toContain('docs/reps-guide.md');
  });

  it.each(documents.map(name))('%s: every relative link and image opens a file in the repository', (doc) => {
    const path = resolve(root, doc);
    const links = linksOf(readFileSync(path, 'utf8'));
    const problems = links.flatMap(({ kind, href }) => {
      const problem = problemOf(path, href);
      return problem ? [`${kind} ${href}: ${problem}`] : [];
    });
    const local = links
      .filter(({ href }) => !isExternal(href) && !href.startsWith('#'))
      .map(({ href }) => resolve(dirname(path), decodeURIComponent(href.split('#')[0] ?? '')))
      .filter((target) => existsSync(target));
    for (const ignored of ignoredByGit(local.map(name)))
      problems.push(`${ignored}: git ignores it, so no clone has it`);
    expect(problems).toEqual([]);
  });

  it('the README is at most 250 lines', () => {
    const lines = readFileSync(resolve(root, 'README.md'), 'utf8').replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(250);
  });
});

describe('the link checker itself', () => {
  const readme = resolve(root, 'README.md');
  it('refuses what a reader cannot follow', () => {
    expect(problemOf(readme, '../shared/DESIGN.md')).toBe('points outside the repository');
    expect(problemOf(readme, 'docs/no-such-file.md')).toBe('points to a missing file');
    expect(problemOf(readme, '/README.md')).toMatch(/make it relative/);
    expect(problemOf(readme, '#no-such-heading-anywhere')).toMatch(/is no heading of README.md/);
  });
  it('lets through what a reader can follow', () => {
    expect(problemOf(readme, 'https://www.glance.net')).toBeUndefined();
    expect(problemOf(readme, 'package.json')).toBeUndefined();
    expect(ignoredByGit(['dist/manifest.json', 'package.json'])).toEqual(new Set(['dist/manifest.json']));
  });
  it('reads links as GitHub does: not inside code, anchors from headings', () => {
    const text =
      '# Quick start (developers)\n\n`[x](nowhere.md)`\n\n```\n[y](gone.md)\n```\n\n[z](a.md) <img src="b.png">\n';
    expect(linksOf(text).map((l) => l.href)).toEqual(['a.md', 'b.png']);
    expect(headingAnchors(text)).toEqual(new Set(['quick-start-developers']));
    expect(headingAnchors('## When Salesforce says no\n## When Salesforce says no\n')).toEqual(
      new Set(['when-salesforce-says-no', 'when-salesforce-says-no-1']),
    );
  });
});
