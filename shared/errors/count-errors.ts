import { AppError } from './app-errors.js';
import type { ShortItem } from './stock-errors.js';

/** Submitting before every item of the session has a line: nothing changed. */
export class CountIncompleteError extends AppError {
  override readonly name = 'CountIncompleteError';
  constructor(sessionId: string, uncountedItemIds: string[]) {
    super(
      'count-incomplete',
      `Count session "${sessionId}" has items not counted yet: ${uncountedItemIds.join(', ')}. Enter a line for each (0 when the shelf is empty), then submit again.`,
      { uncountedItemIds },
    );
  }
}

/** Approving while a line beyond tolerance has no reason: nothing changed. */
export class CountReasonsMissingError extends AppError {
  override readonly name = 'CountReasonsMissingError';
  constructor(sessionId: string, itemIds: string[]) {
    super(
      'count-reasons-missing',
      `Give a reason for each difference beyond tolerance before approving: ${itemIds.join(', ')} (PUT /v1/count-sessions/${sessionId}/lines/{itemId}/reason).`,
      { itemIds },
    );
  }
}

/** Four eyes: the caller counted a line that needs approval, or holds a machine key. */
export class CountNeedsSecondPersonError extends AppError {
  override readonly name = 'CountNeedsSecondPersonError';
  constructor(message: string, itemIds: string[]) {
    super('count-needs-second-person', message, { itemIds });
  }
}

/** Posting would take a balance below zero: goods left after the count than it found. */
export class CountPostingShortError extends AppError {
  override readonly name = 'CountPostingShortError';
  constructor(sessionId: string, shelterId: string, shortItems: ShortItem[]) {
    const items = shortItems.map((item) => item.itemId).join(', ');
    super(
      'insufficient-stock',
      `Posting count session "${sessionId}" would take ${items} below zero: more left the shelf after the count than it found. Recount ${items}: reject the session to count them again, or cancel it. Nothing was posted.`,
      { shelterId, shortItems },
    );
  }
}

/** The session changed between this request's read and its write (another device, another step). */
export class CountSessionChangedError extends AppError {
  override readonly name = 'CountSessionChangedError';
  constructor(sessionId: string) {
    super(
      'conflict',
      `Count session "${sessionId}" was changed by another request meanwhile: read it again.`,
    );
  }
}

/** A line for an item the session does not count: its items are fixed when it starts. */
export class ItemNotInCountError extends AppError {
  override readonly name = 'ItemNotInCountError';
  constructor(sessionId: string, itemId: string) {
    super(
      'not-found',
      `Item "${itemId}" is not in count session "${sessionId}": a session counts the items it started with. Start another session to count it.`,
    );
  }
}

/** A step the session's status does not allow (a line after submit, approving a count still counting). */
export class CountSessionStateError extends AppError {
  override readonly name = 'CountSessionStateError';
  constructor(message: string, status: string) {
    super('conflict', message, { sessionStatus: status });
  }
}
