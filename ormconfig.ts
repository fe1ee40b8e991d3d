import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/db/data-source';

/** For the TypeORM CLI (`npx typeorm -d dist/ormconfig.js migration:show`). */
export default createDataSource(loadConfig().database);
