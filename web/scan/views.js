// Which of the scanner's screens is showing, and the header and status line that go with it.
import { $ } from '../common/dom.js';
import { currentSession } from './scan-session.js';

/** @typedef {'signin' | 'point' | 'scan' | 'voucher'} View */

/**
 * One screen at a time; the header's sign-out and "Change" show only once they mean something,
 * and the status line (what waits to sync) only once there is a pickup point to count for.
 * @param {View} view
 */
export function show(view) {
  const session = currentSession();
  for (const name of ['signin', 'point', 'scan', 'voucher']) $(`view-${name}`).hidden = name !== view;
  $('sign-out').hidden = session === undefined;
  $('point-change').hidden = session?.point === undefined || view === 'point';
  $('point-name').textContent = session?.point?.name ?? '';
  $('status-line').hidden = session?.point === undefined;
}
