// Work the rep does not wait for (telling tabs, polling, the queue) must never become an unhandled
// rejection that kills the worker's task: a storage error there is logged, and the next event or
// alarm tries again.
export function inBackground(task: Promise<unknown>, what: string): void {
  task.catch((error: unknown) => console.warn(`Glance for Salesforce: ${what} failed and will be tried again`, error));
}
