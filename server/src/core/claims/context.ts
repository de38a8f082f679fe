// The organisation payer files in effect for a document, so that a bad file can be reported on each
// claim that uses it.

export interface PayerFileProblem {
  /** The file, as read through the injected file system. */
  readonly path: string;
  /** JSON path of the first problem, e.g. `$.payers[0].aliases`. */
  readonly jsonPath: string;
  /** Where the first problem is in the file, e.g. "line 3, column 5", when it can be located. */
  readonly position?: string;
  /** What is wrong there, in words that never quote the file's content. */
  readonly message: string;
  /** How many problems the file has in all. */
  readonly count: number;
}

export interface PayerFilesInfo {
  /** The `.opnote/payers` folder in effect. */
  readonly folder: string;
  readonly files: readonly string[];
  readonly problems: readonly PayerFileProblem[];
}
