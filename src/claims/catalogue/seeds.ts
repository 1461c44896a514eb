/** The file names of the five seed documents, as the catalogue cites them. */
export const DOC0 = '000_3ee4abfec5abb774.txt';
export const DOC1 = '001_74b80b0836e81b2a.txt';
export const DOC2 = '002_1e9b12e68fa134a2.txt';
export const DOC3 = '003_cf77f3856df2833f.txt';
export const DOC4 = '004_f063a6daaec1512b.txt';
