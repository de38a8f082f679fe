import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageGuard } from './messageGuard';
import { startServer } from './server';

// `createConnection` picks the transport from the command line: `--stdio` (Neovim, Emacs, any LSP
// client), `--node-ipc` (VS Code) or `--socket=N`.
if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write('Usage: opnote-language-server --stdio\n');
  process.exit(2);
}
const guard = new MessageGuard();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: guard });
guard.attach(connection);
startServer(connection);
