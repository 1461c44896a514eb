/** node:fs in the browser bundle: reading a sample file is not possible in the page. */
export function readFileSync(): never {
  throw new Error('files of samples cannot be read in the browser');
}

export function statSync(): never {
  throw new Error('files of samples cannot be read in the browser');
}
