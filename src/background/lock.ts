// One writer at a time for read-modify-write of a storage key. The service worker is one thread,
// but an await between read and write lets a message handler and the outbox runner interleave.
export class Lock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
