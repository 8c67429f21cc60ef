// A count session's draft on this device (issue 23 §2): every line a counter enters is kept here
// first, then sent to the server; a line stays "waiting" until the server has it. A reload, a
// dropped network or a closed tab loses nothing, and what waits is sent when the page is online
// again. The server holds the draft too, so another device goes on with it (#count=<id>).
// localStorage, not IndexedDB: a session holds at most 90 small lines, written one at a time.
// No personal data: item ids, quantities and times only.

/** @typedef {{ counted: number, countedAt: string, sent: boolean }} DraftLine */

const PREFIX = 'supplyline.desk.count.';

/**
 * The lines kept on this device for a session.
 * @param {string} sessionId
 * @returns {Record<string, DraftLine>}
 */
export function readDraft(sessionId) {
  try {
    const raw = localStorage.getItem(PREFIX + sessionId);
    const parsed = raw === null ? {} : JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * @param {string} sessionId
 * @param {Record<string, DraftLine>} draft
 */
function writeDraft(sessionId, draft) {
  localStorage.setItem(PREFIX + sessionId, JSON.stringify(draft));
}

/**
 * Keeps a line counted now, waiting to be sent.
 * @param {string} sessionId
 * @param {string} itemId
 * @param {number} counted
 */
export function keepLine(sessionId, itemId, counted) {
  const draft = readDraft(sessionId);
  draft[itemId] = { counted, countedAt: new Date().toISOString(), sent: false };
  writeDraft(sessionId, draft);
}

/**
 * The server has this line (unless it was changed meanwhile: then it still waits).
 * @param {string} sessionId
 * @param {string} itemId
 * @param {DraftLine} line the line as it was sent
 */
export function markSent(sessionId, itemId, line) {
  const draft = readDraft(sessionId);
  const now = draft[itemId];
  if (now && now.counted === line.counted && now.countedAt === line.countedAt) {
    draft[itemId] = { ...now, sent: true };
    writeDraft(sessionId, draft);
  }
}

/** @param {string} sessionId */
export function waitingLines(sessionId) {
  return Object.entries(readDraft(sessionId)).filter(([, line]) => !line.sent);
}

/** The session is submitted, posted or cancelled: its draft has no further use here. @param {string} sessionId */
export function dropDraft(sessionId) {
  localStorage.removeItem(PREFIX + sessionId);
}
