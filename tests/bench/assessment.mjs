// Reads the questions of assessments/digital-strategy.toml for the benchmark:
// the small TOML-subset reader the end-to-end tests use (tests/e2e/support.mjs),
// for `[[sections]]`, `[[sections.questions]]` and `key = "string"` lines.
import { readFileSync } from 'node:fs';

export function readAssessment(file = new URL('../../assessments/digital-strategy.toml', import.meta.url)) {
  const top = {};
  const sections = [];
  let target = top;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '[[sections]]') {
      target = { questions: [] };
      sections.push(target);
    } else if (trimmed === '[[sections.questions]]') {
      target = {};
      sections.at(-1).questions.push(target);
    } else if (trimmed.startsWith('[')) {
      target = null;
    } else if (target) {
      const match = /^([A-Za-z_-]+)\s*=\s*("(?:[^"\\]|\\.)*")\s*$/.exec(trimmed);
      if (match) target[match[1]] = JSON.parse(match[2]);
    }
  }
  const questions = sections.flatMap((section) => section.questions.map((q) => ({ ...q, section: section.title })));
  return { title: top.title, sections, questions };
}
