// Writes the OpenAPI document and the TypeScript client's types generated from it (the committed
// contract under clients/). `npm test` fails while either is out of date with the routes.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CONTRACT_FILES, contractFiles } from './lib/api-document.js';

const contents = await contractFiles();
for (const [name, path] of Object.entries(CONTRACT_FILES)) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, contents[name as keyof typeof CONTRACT_FILES]);
  console.log(`wrote ${path}`);
}
