/**
 * Every file analysis reads beyond the document itself (parameter files, sibling folders, APIOps trees,
 * configuration). The CLI reads the disk; the server answers from open editors first, so unsaved edits count.
 */
export interface FileAccess {
  /** The text of a file, or undefined when it is missing or cannot be read. */
  readText(path: string): string | undefined;
  /** The names in a folder; none when it cannot be listed. */
  listFolder(path: string): readonly string[];
  /**
   * Why a file that exists was not read (a link leading outside, a FIFO, too large), for one finding; undefined
   * when it was read or is missing. Readers that never skip a file leave it out.
   */
  notRead?(path: string): string | undefined;
}
