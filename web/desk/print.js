// Printing one part of the desk: a goods received note, a waybill, a sheet of item labels. The
// part is marked for the print style sheet (desk.css, @media print), which prints it alone; the
// mark goes when the print dialog closes.

/** @param {HTMLElement} part */
export function printOnly(part) {
  for (const marked of document.querySelectorAll('.print-now')) marked.classList.remove('print-now');
  part.classList.add('print-now');
  document.body.classList.add('printing-part');
  const unmark = () => {
    part.classList.remove('print-now');
    document.body.classList.remove('printing-part');
    window.removeEventListener('afterprint', unmark);
  };
  window.addEventListener('afterprint', unmark);
  window.print();
}
