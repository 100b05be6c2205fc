/**
 * @parley/shared — the wire contract between server and client: zod schemas, document
 * scopes and the permission table, the typed Yjs model, socket.io event maps, close
 * and error codes. No Node or DOM imports. The session report's iCalendar export is
 * `@parley/shared/ical`, apart, so that the server never loads the `ics` library it
 * does not use.
 */
export * from './codes.js';
export * from './scopes.js';
export * from './pulse.js';
export * from './events.js';
export * from './schemas/common.js';
export * from './schemas/board.js';
export * from './schemas/joint.js';
export * from './schemas/facilitation.js';
export * from './schemas/api.js';
export * from './schemas/presence.js';
export * from './model/items.js';
export * from './model/collections.js';
export * from './model/derive.js';
export * from './report/collect.js';
export * from './report/markdown.js';
export * from './model/coverage.js';
export * from './labels.js';
