import { runCli } from './cli/runCli';

declare const APIM_STUDIO_VERSION: string;

const version = typeof APIM_STUDIO_VERSION === 'string' ? APIM_STUDIO_VERSION : 'development';
process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version,
  cwd: process.cwd(),
  stderrIsTerminal: process.stderr.isTTY === true,
});
