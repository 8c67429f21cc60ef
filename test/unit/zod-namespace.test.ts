import { describe, expect, it } from 'vitest';
import { rewriteZodImports } from '../../scripts/lib/zod-namespace.js';

describe('the bundler’s zod import rewrite (scripts/lib/zod-namespace.ts)', () => {
  it('takes z as a namespace, keeping the other names and the side effect of @hono/zod-openapi', () => {
    expect(rewriteZodImports("import { type OpenAPIHono, z } from '@hono/zod-openapi';")).toBe(
      "import { type OpenAPIHono } from '@hono/zod-openapi'; import * as z from 'zod';",
    );
    expect(rewriteZodImports("import { z } from '@hono/zod-openapi';")).toBe(
      "import '@hono/zod-openapi'; import * as z from 'zod';",
    );
    expect(rewriteZodImports("import { z } from 'zod';")).toBe(" import * as z from 'zod';");
  });

  it('leaves type-only imports and imports without z as they are', () => {
    const untouched = [
      "import type { z } from '@hono/zod-openapi';",
      "import { createRoute, type RouteConfig } from '@hono/zod-openapi';",
      "import { zValidator } from '@hono/zod-validator';",
    ].join('\n');
    expect(rewriteZodImports(untouched)).toBe(untouched);
  });
});
