// The desk's shell and its sections, as types: what a section is, and what the shell gives it.

import type {
  ApiAnswer,
  ApiMethod,
  ApiPath,
  ApiRequestArgument,
  ListItem,
  ListPath,
} from '../common/api-contract.js';
import type { Item, Me, Role, Shelter } from '../common/api-types.js';
import type { MessageKey } from '../common/i18n.js';

/** `apiCall` with the signed-in key: one operation of the contract, typed by it. */
export type DeskCall = <M extends ApiMethod, P extends ApiPath<M>>(
  method: M,
  path: P,
  ...request: ApiRequestArgument<M, P>
) => Promise<ApiAnswer<M, P>>;

/** `listAll` with the signed-in key: every item of a listing. */
export type DeskList = <P extends ListPath>(
  path: P,
  ...request: ApiRequestArgument<'GET', P>
) => Promise<Array<ListItem<P>>>;

/** Where the address points: `/desk#transfer=tr-1` is `{ section: 'transfer', argument: 'tr-1' }`. */
export interface DeskRoute {
  section: string;
  argument: string | undefined;
}

/** What the shell gives every section, for as long as the key is signed in. */
export interface DeskContext {
  /** The signed-in key: who and what it may reach. */
  readonly me: Me;
  /** The shelters this key works at (its scope): the picker's choices. */
  readonly shelters: readonly Shelter[];
  /** Every shelter the key may read, to name a place outside its own (a voucher's shelter). */
  readonly everyShelter: readonly Shelter[];
  /** The catalogue. */
  readonly items: readonly Item[];
  /** The shelter chosen in the picker (remembered on this device). */
  shelter(): Shelter;
  /** API calls with the signed-in key; a key refused meanwhile (401) signs the page out. */
  call: DeskCall;
  list: DeskList;
  /** Opens another section (or this one with another argument): `desk.go('transfer', 'tr-1')`. */
  go(section: string, argument?: string): void;
  /** The number beside the section's name in the navigation (open conflicts...); undefined clears it. */
  count(section: string, value: number | undefined): void;
}

/**
 * A section of the desk: one module (web/desk/section-<name>.js), listed in web/desk/sections.js.
 */
export interface DeskSection {
  /** Its address: `/desk#<id>`, or `/desk#<id>=<argument>`. Letters, digits and '-'. */
  id: string;
  /** Its name in the navigation and its heading (a message of the page's words). */
  title: MessageKey;
  /** Who sees it: logistics and admin when left out (the roles the desk signs in). */
  roles?: readonly Role[];
  /** Once per sign-in: builds the section's markup in `host`, below its heading. */
  mount(host: HTMLElement, desk: DeskContext): void;
  /** It is opened (by the navigation or the address), or the shelter changed while it is open. */
  show(route: DeskRoute): void | Promise<void>;
  /** The language changed: say again what is not marked data-i18n. */
  render?(): void;
  /** The shelter changed while the section is not on screen (to update its count), or the desk signed in. */
  shelterChanged?(): void;
}
