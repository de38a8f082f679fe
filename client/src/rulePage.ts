import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { RULE_PAGE_REQUEST } from '../../server/src/protocol';

const RULE_PAGE_SCHEME = 'opnote-rule';
const SHOW_RULE_PAGE_COMMAND = 'opnote.showRulePage';
const EXTENSION_ID = 'opnote.opnote';
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The link a rule id carries in the Problems panel and in the hover of a finding. The server links the
 * page under docs/rules/ (any editor can open it); VS Code would show that file raw, so the client turns
 * it into a URI of its own (`vscode.env.uriScheme`), which both places open through the extension's URI
 * handler (a `command:` link would not open from a hover: VS Code opens those links without command support).
 */
function rulePageLink(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: `/rule/${ruleId}` });
}

/** Language client middleware: each OpNote diagnostic's rule link opens the rendered page inside VS Code. */
export const rulePageMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      if (typeof code === 'object' && RULE_ID.test(String(code.value))) diagnostic.code = { value: code.value, target: rulePageLink(String(code.value)) };
    }
    next(uri, diagnostics);
  },
};

/**
 * Rule pages as virtual Markdown documents (`opnote-rule:/<id>.md`), rendered by the server from the rule's
 * metadata and shown in a locked Markdown preview beside the editor: a locked preview never takes over the
 * user's own preview tab, and opening the same rule again brings its page forward.
 */
export function registerRulePages(client: () => LanguageClient | undefined): vscode.Disposable[] {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const page = await client()?.sendRequest<string | null>(RULE_PAGE_REQUEST, { id }).catch(() => null);
      return page ?? `# ${id}\n\nOpNote has no rule of this name.\n`;
    },
  };
  const show = async (ruleId: unknown) => {
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return;
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', vscode.Uri.from({ scheme: RULE_PAGE_SCHEME, path: `/${ruleId}.md` }));
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(RULE_PAGE_SCHEME, provider),
    vscode.commands.registerCommand(SHOW_RULE_PAGE_COMMAND, show),
    vscode.window.registerUriHandler({
      handleUri: (uri) => (uri.path.startsWith('/rule/') ? show(uri.path.slice('/rule/'.length)) : undefined),
    }),
  ];
}
