/** A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise. */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  finish(): void;
}

/** A progress bar labelled `label`. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
      if (stream.isTTY) {
        const width = 24;
        const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '·');
        stream.write(`\r${label} ${bar} ${percent} ${detail}\x1b[K`);
        drawn = true;
      } else if (Math.floor(fraction * 10) > lastTenth) {
        lastTenth = Math.floor(fraction * 10);
        stream.write(`${label} ${percent} ${detail}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
