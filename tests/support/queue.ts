// The outbox's jobs as the worker stores them, read through the queue's own reader (readQueue).
import { readQueue } from '../../src/background/outbox/store.js';
import type { StoragePorts } from '../../src/background/storage/ports.js';

export const readJobs = async (ports: StoragePorts) => (await readQueue(ports)).jobs;
