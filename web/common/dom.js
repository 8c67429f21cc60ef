// Finding the elements of our own HTML, with the type that HTML gives them.

/**
 * The element with this id, checked to be a `type` (HTMLElement unless said). A missing or
 * different element is a mistake in our HTML: it fails here, by name, not later as "null".
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {new () => T} [type]
 * @returns {T}
 */
export function $(id, type) {
  const element = document.getElementById(id);
  const expected = type ?? HTMLElement;
  if (!(element instanceof expected)) throw new Error(`#${id} is not a ${expected.name} on this page`);
  return /** @type {T} */ (element);
}
