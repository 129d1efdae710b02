// An independent JavaScript writer of share links (format version 1, as
// documented in core/src/share/codec.rs), so compare tests can make many results
// quickly without completing the assessment in the page each time. The
// sharing tests check links made by the widget itself; compare.test.mjs
// checks one of these against a link the widget made.

const ASSESSMENT_ID = 'board-digital-strategy';
const CONTENT_VERSION = 1;
const CODES = { D: 0, A: 1, S: 2, E: 3 };
const ROLES = { '': 0, executive: 1, 'non-executive': 2, board: 3 };
const STATUSES = { '': 0, 'not started': 1, 'in progress': 2, done: 3, dropped: 4 };

function crc16(bytes) {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

function assessmentHash(id) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, 'utf8')) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return ((hash >>> 16) ^ hash) & 0xffff;
}

function varint(value) {
  const out = [];
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
  return out;
}

/** Days from 2020-01-01 to an ISO date "YYYY-MM-DD". */
function days(iso) {
  return Math.round((Date.UTC(...iso.split('-').map((n, i) => Number(n) - (i === 1 ? 1 : 0))) - Date.UTC(2020, 0, 1)) / 86400000);
}

/** Its UTF-8 bytes with their varint length first. */
function text(value) {
  const bytes = Buffer.from(value, 'utf8');
  return [...varint(bytes.length), ...bytes];
}

/**
 * The payload (after "#r=") for `pattern`, 13 letters of A/S/E/D, with an
 * optional `organisation`, `role` ("executive", "non-executive", "board" or
 * "") and ISO `date`, and optional `actions`: { what, lead, by ("YYYY-MM"),
 * measure, questions (numbers from 1), status ("done", "in progress", "not
 * started", "dropped") }.
 */
export function makePayload(pattern, { organisation, role, date, actions = [] } = {}) {
  const labelled = organisation !== undefined || role !== undefined;
  const flags = (date ? 1 : 0) | (labelled ? 2 : 0) | (actions.length ? 8 : 0);
  const hash = assessmentHash(ASSESSMENT_ID);
  const body = [flags, hash >> 8, hash & 0xff, CONTENT_VERSION >> 8, CONTENT_VERSION & 0xff];
  if (date) {
    const d = days(date);
    body.push(d >> 8, d & 0xff);
  }
  const answers = [...pattern];
  body.push(answers.length);
  for (let i = 0; i < answers.length; i += 4) {
    let byte = 0;
    answers.slice(i, i + 4).forEach((answer, j) => {
      byte |= CODES[answer] << (6 - 2 * j);
    });
    body.push(byte);
  }
  if (labelled) {
    const name = Buffer.from(organisation ?? '', 'utf8');
    body.push(ROLES[role ?? ''], name.length, ...name);
  }
  if (actions.length) {
    body.push(actions.length);
    for (const action of actions) {
      body.push(...text(action.what), ...text(action.lead));
      const [year, month] = (action.by ?? '').split('-').map(Number);
      const due = action.by ? (year - 2020) * 12 + (month - 1) + 1 : 0;
      body.push(due >> 8, due & 0xff, ...text(action.measure ?? ''));
      const bits = new Array(Math.ceil(answers.length / 8)).fill(0);
      for (const q of action.questions ?? []) bits[(q - 1) >> 3] |= 0x80 >> ((q - 1) & 7);
      body.push(...bits, STATUSES[action.status ?? '']);
    }
  }
  const sealed = [1, ...varint(body.length + 2), ...body];
  const crc = crc16(sealed);
  sealed.push(crc >> 8, crc & 0xff);
  return Buffer.from(sealed).toString('base64url');
}

/** A whole share link on `base` (e.g. the widget's address). */
export function makeLink(base, pattern, label = {}) {
  return `${base.split('#')[0]}#r=${makePayload(pattern, label)}`;
}
