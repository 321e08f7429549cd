import { runAll } from './harness';

/**
 * The extension-host entry of the integration tests (extensionTestsPath): VS Code calls run() once
 * the workbench and the extension are loaded, and exits with 1 when it throws.
 */
export async function run(): Promise<void> {
  // In this order: the first test waits for the extension to start; screenshots come last.
  require('./traces.e2e');
  require('./structure.e2e');
  require('./kamailio.e2e');
  require('./dialects.e2e');
  require('./kemi.e2e');
  require('./commands.e2e');
  require('./callFlow.e2e');
  require('./settings.e2e');
  require('./largeFiles.e2e');
  require('./captures.e2e');
  require('./screenshots.e2e');
  await runAll();
}
