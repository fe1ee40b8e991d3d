import { CoreSchema1732600000000 } from './1732600000000-core-schema';

/** Every migration, oldest first. Listed explicitly so tsc output and ts-jest agree. */
export const migrations = [CoreSchema1732600000000];
