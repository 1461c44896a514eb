import type { AnyClaim } from '../define.js';
import { DOC000 } from './doc000/index.js';
import { DOC001 } from './doc001/index.js';
import { DOC002 } from './doc002/index.js';
import { DOC003 } from './doc003/index.js';
import { DOC004 } from './doc004/index.js';

/** Every built-in claim, document by document. */
export const CATALOGUE: readonly AnyClaim[] = [...DOC000, ...DOC001, ...DOC002, ...DOC003, ...DOC004];
