/** A one-line progress display on a terminal; silent in CI and when output goes to a file or pipe. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const live = stream.isTTY === true && !process.env.CI;
  const started = performance.now();
  let last = 0;
  return {
    update(label: string, done: number, total: number) {
      const now = performance.now();
      if (!live || (now - last < 100 && done < total)) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const left = done > 0 && done < total ? `, about ${Math.ceil((elapsed / done) * (total - done))} s left` : '';
      stream.write(`\r\x1b[2K${label} ${done}/${total}${left}`);
    },
    done() {
      if (live) stream.write('\r\x1b[2K');
    },
  };
}
