// The one protocol between the extension's contexts, by room: the requests each sender may make
// (content-requests, meeting, wrap-up, page-requests, sign-in), the views they answer
// (session-views, page-views), what the worker pushes unasked (notices), and the one vocabulary of
// problems. Code outside src/shared/protocol imports from here; the files inside import each other.
export * from './content-requests.js';
export * from './meeting.js';
export * from './notices.js';
export * from './page-requests.js';
export * from './page-views.js';
export * from './problems.js';
export * from './session-views.js';
export * from './sign-in.js';
export * from './validate.js';
export * from './wrap-up.js';
