// Worker-thread entry of parsePool.ts: parses each task it is sent (parseRange.ts) and posts the result back.
import { parentPort } from 'node:worker_threads';
import { parseRange, type RangeTask } from './parseRange.ts';

const port = parentPort!;
port.on('message', (task: RangeTask) => {
  parseRange(task).then(
    (result) => port.postMessage({ result }),
    (e: unknown) => port.postMessage({ error: String((e as Error)?.stack ?? e) }),
  );
});
port.postMessage({ ready: true });
