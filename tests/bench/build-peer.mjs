// Builds the SurveyJS peer page into the directory given (default
// target/bench/peer): copies index.html and peer.js from tests/bench/peer,
// the SurveyJS files from node_modules (local files only, nothing from a
// CDN), and writes survey-json.js from the assessment file.
//
// Usage: node tests/bench/build-peer.mjs [OUT_DIR]
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAssessment } from './assessment.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = process.argv[2] ?? join(root, 'target/bench/peer');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const file of ['index.html', 'peer.js']) copyFileSync(join(root, 'tests/bench/peer', file), join(out, file));
for (const file of [
  'node_modules/survey-core/survey.core.min.js',
  'node_modules/survey-core/survey-core.fontless.min.css',
  'node_modules/survey-js-ui/survey-js-ui.min.js',
]) {
  copyFileSync(join(root, file), join(out, file.split('/').at(-1)));
}

const { title, questions } = readAssessment();
if (questions.length !== 13) throw new Error(`expected 13 questions, found ${questions.length}`);
const json = {
  title,
  showProgressBar: 'top',
  progressBarType: 'questions',
  showQuestionNumbers: 'on',
  completeText: 'See your results',
  completedHtml: '<h1 id="peer-results">Your results</h1><p>Thank you for completing the self-assessment.</p>',
  pages: questions.map((q) => ({
    name: q.id,
    elements: [
      {
        type: 'radiogroup',
        name: q.id,
        title: q.text,
        description: q.hint,
        isRequired: true,
        choices: [
          { value: 'absent', text: q.absent },
          { value: 'siloed', text: q.siloed },
          { value: 'embedded', text: q.embedded },
          { value: 'dont-know', text: 'Don’t know' },
        ],
      },
    ],
  })),
};
writeFileSync(join(out, 'survey-json.js'), `window.SURVEY_JSON = ${JSON.stringify(json)};\n`);
console.log(`peer page built in ${out}`);
