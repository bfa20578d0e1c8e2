/**
 * The API's shapes, as the server declares them (src/contract/: the zod schemas every route
 * validates and documents). Types only: `export type` is erased at build, so the browser never
 * loads server code for them. A page that needs a shape imports it from here, never restates it
 * (web/src/contractTypes.test.ts fails on a restated one).
 */
export type * from '../../../src/contract/index.js';
