/** The version the server and the CLI report: package.json's, the one place it is written (the bundle keeps only that field). */
export { version as VERSION } from '../../package.json';
