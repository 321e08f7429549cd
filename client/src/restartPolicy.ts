import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/**
 * Restarts a server that stopped, at most `maxRestarts` times in `windowMs`, and says so once in
 * the output channel: no pop-ups for something the user cannot act on.
 */
export class RestartPolicy implements ErrorHandler {
  private restarts: number[] = [];
  private announced = false;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts = this.restarts.filter((at) => now - at < this.windowMs);
    if (this.restarts.length >= this.maxRestarts) {
      this.output.appendLine(vscode.l10n.t(
        'SIP Sense: the language server stopped {0} times in {1} minutes; it is not restarted again. Reload the window to try again.',
        this.maxRestarts + 1, this.windowMs / 60000));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    if (!this.announced) {
      this.output.appendLine(vscode.l10n.t('SIP Sense: the language server stopped unexpectedly and was restarted.'));
      this.announced = true;
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
