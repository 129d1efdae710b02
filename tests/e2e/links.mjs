// An independent JavaScript writer of share links (format version 1, as
// documented in core/src/share/codec.rs), so compare tests can make many results
// quickly without completing the assessment in the page each time. The
// sharing tests check links made by the widget itself; compare.test.mjs
// checks one of these against a link the widget made.

const ASSESSMENT_ID = 'board-digital-strategy';
const CONTENT_VERSION = 1;
const CODES = { D: 0, A: 1, S: 2, E: 3 };
const ROLES = { '': 0, executive: 1, 'non-executive': 2 };

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

/**
 * The payload (after "#r=") for `pattern`, 13 letters of A/S/E/D, with an
 * optional `organisation`, `role` ("executive", "non-executive" or "") and
 * ISO `date`.
 */
export function makePayload(pattern, { organisation, role, date } = {}) {
  const labelled = organisation !== undefined || role !== undefined;
  const flags = (date ? 1 : 0) | (labelled ? 2 : 0);
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
    const text = Buffer.from(organisation ?? '', 'utf8');
    body.push(ROLES[role ?? ''], text.length, ...text);
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
