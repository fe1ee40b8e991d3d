import fs from 'node:fs';
import path from 'node:path';
import { buildHabariSchema, printHabariSchema } from '../src/graphql/schema';

const SCHEMA_FILE = path.join(__dirname, '..', 'schema.graphql');

describe('schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema -- --write` after changing the API)', async () => {
    const emitted = printHabariSchema(await buildHabariSchema());
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, emitted);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(emitted);
  });
});
