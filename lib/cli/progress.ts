/** A one-line progress display on a terminal; silent in CI and when output goes to a file or pipe. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const live = stream.isTTY === true && !process.env.CI;
  let started = performance.now();
  let phase = '';
  let last = 0;
  return {
    update(label: string, done: number, total: number) {
      const now = performance.now();
      if (label !== phase) {
        // Each phase (parsing, writing pages) estimates its own time left.
        if (phase) started = now;
        phase = label;
      }
      if (!live || (now - last < 100 && done < total)) return;
      last = now;
      if (done >= total) {
        // A finished phase leaves the line clean for whatever is printed next.
        stream.write('\r\x1b[2K');
        return;
      }
      const elapsed = (now - started) / 1000;
      const left = done > 0 && done < total && elapsed > 1 ? `, about ${Math.ceil((elapsed / done) * (total - done))} s left` : '';
      stream.write(`\r\x1b[2K${label} ${done}/${total}${left}`);
    },
    done() {
      if (live) stream.write('\r\x1b[2K');
    },
  };
}
