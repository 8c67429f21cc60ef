// The desk's sections, in the navigation's order: one line each (see "How a section registers"
// at the top of desk.js). The first is shown when the address names none.
import { conflictsSection } from './section-conflicts.js';
import { countSection } from './section-count.js';
import { planSection } from './section-plan.js';
import { receiveSection } from './section-receive.js';
import { thresholdsSection } from './section-thresholds.js';
import { transferSection } from './section-transfer.js';

/** @type {ReadonlyArray<import('./desk-types.js').DeskSection>} */
export const sections = [
  conflictsSection,
  receiveSection,
  transferSection,
  countSection,
  thresholdsSection,
  planSection,
];
