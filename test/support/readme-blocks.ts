/**
 * The README's fenced code blocks, as a reader sees them: the shell blocks they paste beside
 * `npm start`, where each sits (line and heading), and whether it is marked as one a test cannot
 * run. A block is marked by the line just before its fence:
 *
 *   <!-- not run by test/docs/readme-blocks.test.ts: needs an AWS account -->
 */
export interface FencedBlock {
  /** The fence's info string: `sh`, `bash`, or '' for a plain block (diagrams, layouts). */
  language: string;
  /** README line (1-based) of the block's first line of code. */
  line: number;
  /** The nearest heading above the block, without its #s. */
  heading: string;
  code: string;
  /** Why a test does not run it, when the line above its fence says so. */
  notRunBecause?: string;
}

export const NOT_RUN_MARKER = /^<!-- not run by test\/docs\/readme-blocks\.test\.ts: (.+) -->$/;
const SHELL = new Set(['sh', 'bash']);

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const opening = /^```(\S*)\s*$/.exec(text);
    if (opening === null) {
      const title = /^#{1,6}\s+(.+)$/.exec(text);
      if (title) heading = title[1]?.trim() ?? '';
      continue;
    }
    const end = lines.findIndex((candidate, j) => j > i && /^```\s*$/.test(candidate));
    if (end === -1) throw new Error(`README line ${i + 1}: a code block that is never closed`);
    const before = lines[i - 1] ?? '';
    const notRunBecause = NOT_RUN_MARKER.exec(before)?.[1];
    blocks.push({
      language: opening[1] ?? '',
      line: i + 2,
      heading,
      code: lines.slice(i + 1, end).join('\n'),
      ...(notRunBecause === undefined ? {} : { notRunBecause }),
    });
    i = end;
  }
  return blocks;
}

export const isShell = (block: FencedBlock) => SHELL.has(block.language);

/** README lines (1-based) carrying the not-run marker whose next line does not open a shell block. */
export function strayMarkers(markdown: string): number[] {
  const lines = markdown.split('\n');
  return lines.flatMap((text, i) =>
    NOT_RUN_MARKER.test(text) && !/^```(sh|bash)\s*$/.test(lines[i + 1] ?? '') ? [i + 1] : [],
  );
}

/**
 * Walks a line as the shell reads its quotes, starting inside `open` (a quote character, or '' for
 * none): `onChar` learns, for each character, whether it is inside quotes. Returns the quote the
 * line leaves open ('' for none). A `#` outside quotes after a blank ends the walk (a comment).
 */
function walkQuotes(line: string, open: string, onChar: (index: number, quoted: boolean) => void = () => {}) {
  let quote = open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      onChar(i, quote !== '');
    } else if (c === '\\') {
      onChar(i, quote !== '');
      onChar(i + 1, quote !== '');
      i += 1;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      onChar(i, quote !== '');
    } else if (c === "'" || c === '"') {
      onChar(i, false);
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      break;
    } else {
      onChar(i, false);
    }
  }
  return quote;
}

/**
 * The shell's logical lines of a block, each with the README line it starts on: a `\` at a line's
 * end, or a quoted string left open, continues it on the next line. Comment lines are left out.
 */
export function commandLines(block: FencedBlock): Array<{ line: number; text: string }> {
  const result: Array<{ line: number; text: string }> = [];
  const lines = block.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i] ?? '';
    let quote = walkQuotes(text, '');
    while (i + 1 < lines.length && (quote !== '' || text.endsWith('\\'))) {
      i += 1;
      const next = lines[i] ?? '';
      text = quote === '' ? `${text.slice(0, -1)} ${next}` : `${text}\n${next}`;
      quote = walkQuotes(next, quote);
    }
    if (!/^\s*#/.test(text) && text.trim() !== '') result.push({ line: block.line + start, text });
  }
  return result;
}

/** The text with what is inside quotes (and comments) blanked, same length: the shell's own syntax. */
function unquoted(text: string): string {
  const kept = text.split('').map(() => ' ');
  walkQuotes(text, '', (index, quoted) => {
    if (!quoted && index < text.length) kept[index] = text[index] ?? ' ';
  });
  return kept.join('');
}

/**
 * The curl calls of a logical line whose answer goes straight to the terminal, so that without
 * `-w '\n'` it would run into the next answer or the prompt: not captured by `$(...)`, not piped,
 * not redirected, not written to a file with `-o`.
 */
export function curlsPrintingToTerminal(text: string): string[] {
  const printing: string[] = [];
  for (const match of text.matchAll(/(\$\(\s*)?\bcurl\s/g)) {
    if (match[1] !== undefined) continue;
    const rest = text.slice(match.index ?? 0);
    // The call ends where the shell's syntax ends it: a pipe, a redirect, a `;`, `&&` or `)`.
    const syntax = unquoted(rest);
    const stop = syntax.search(/[|;)]|&&|>/);
    const ending = stop === -1 ? '' : (syntax[stop] ?? '');
    if (ending === '|' || ending === '>' || /\s-o\s/.test(stop === -1 ? syntax : syntax.slice(0, stop)))
      continue;
    printing.push(stop === -1 ? rest : rest.slice(0, stop));
  }
  return printing;
}
