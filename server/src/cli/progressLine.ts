import type { ReviewProgress } from '../engine/review/reviewFiles';

/** How many files pass between two redraws, so a fast review does not spend its time drawing. */
const FILES_PER_REDRAW = 25;

/**
 * A single progress line on a terminal (`Reviewing 120/800 documents`), redrawn in place and erased at the end.
 * The CLI only uses it when stderr is a TTY, so pipelines and logs stay quiet.
 */
export function progressLine(write: (text: string) => void): { readonly onProgress: ReviewProgress; readonly finish: () => void } {
  let drawn = false;
  return {
    onProgress: (done, total) => {
      if (done % FILES_PER_REDRAW !== 0 && done !== total - 1) return;
      write(`\r\u001b[KReviewing ${done + 1}/${total} documents`);
      drawn = true;
    },
    finish: () => {
      if (drawn) write('\r\u001b[K');
    },
  };
}
