// People: the volunteers, coordinators and logistics leads who sign in with their own key,
// invited by a one-time link or QR code. Shown once this server has the people API.
import { said } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */

/** @type {AdminContext | undefined} */
let context;

/** Whether this server has the people API (read from its own /openapi.json). */
export function peopleAvailable(/** @type {AdminContext} */ given) {
  return Object.hasOwn(given.state.document.paths, '/v1/people');
}

/** @type {import('./admin.js').Section} */
export const peopleSection = {
  id: 'people',
  title: 'people.title',
  roles: ['admin', 'coordinator'],
  mount(host, given) {
    context = given;
    if (!peopleAvailable(given)) host.append(said('p', 'people.unavailable', { class: 'muted' }));
  },
  render() {
    void context;
  },
};
