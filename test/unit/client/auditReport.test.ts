// The "OpNote: Audit report for this workspace" command against a recording stand-in for `vscode`:
// it runs the bundled CLI as a task (never a process of its own), only in a trusted workspace, and
// shows the report in a webview that may load no resource.
import * as assert from 'node:assert/strict';
import Module from 'node:module';

interface Recorded {
  messages: string[];
  tasks: Array<{ command: string; args: string[]; cwd: string | undefined }>;
  webviews: Array<{ title: string; options: Record<string, unknown>; webview: { html: string } }>;
}

function fakeVscode(trusted: boolean, folders: Array<{ name: string; path: string }>, exitCode: number) {
  const recorded: Recorded = { messages: [], tasks: [], webviews: [] };
  let command: (() => Promise<void>) | undefined;
  let ended: ((event: { execution: unknown; exitCode: number }) => void) | undefined;
  const uri = (path: string) => ({ scheme: 'file', fsPath: path, path });
  const vscode = {
    workspace: {
      isTrusted: trusted,
      workspaceFolders: folders.map((folder) => ({ name: folder.name, uri: uri(folder.path) })),
      fs: { createDirectory: async () => undefined, readFile: async () => new TextEncoder().encode('<!DOCTYPE html><p>report</p>') },
    },
    window: {
      showInformationMessage: (message: string) => void recorded.messages.push(message),
      showErrorMessage: (message: string) => void recorded.messages.push(message),
      showWorkspaceFolderPick: async () => undefined,
      withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
      createWebviewPanel: (_type: string, title: string, _column: unknown, options: Record<string, unknown>) => {
        const panel = { title, options, webview: { html: '' } };
        recorded.webviews.push(panel);
        return panel;
      },
    },
    commands: { registerCommand: (_id: string, run: () => Promise<void>) => ((command = run), { dispose() {} }) },
    tasks: {
      executeTask: async (task: { execution: { command: string; args: string[]; options?: { cwd?: string } } }) => {
        recorded.tasks.push({ command: task.execution.command, args: task.execution.args, cwd: task.execution.options?.cwd });
        setImmediate(() => ended?.({ execution: 'the execution', exitCode }));
        return 'the execution';
      },
      onDidEndTaskProcess: (listener: typeof ended) => ((ended = listener), { dispose() {} }),
    },
    Uri: { joinPath: (base: { fsPath: string }, ...parts: string[]) => uri([base.fsPath, ...parts].join('/')) },
    ProcessExecution: class {
      constructor(readonly command: string, readonly args: string[], readonly options?: { cwd?: string }) {}
    },
    Task: class {
      presentationOptions: unknown;
      constructor(readonly definition: unknown, readonly scope: unknown, readonly name: string, readonly source: string, readonly execution: unknown) {}
    },
    TaskRevealKind: { Silent: 2 },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Active: -1 },
  };
  const context = { asAbsolutePath: (relative: string) => `/ext/${relative}`, globalStorageUri: uri('/storage') };
  return { vscode, context, recorded, run: () => command!() };
}

type Loader = (request: string, ...rest: unknown[]) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };

async function runCommand(fake: ReturnType<typeof fakeVscode>): Promise<Recorded> {
  const load = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake.vscode : load.call(this, request, ...rest);
  };
  try {
    const path = require.resolve('../../../client/src/auditReport');
    delete require.cache[path];
    const { registerAuditReport } = require(path) as typeof import('../../../client/src/auditReport');
    registerAuditReport(fake.context as never);
    await fake.run();
    return fake.recorded;
  } finally {
    moduleWithLoad._load = load;
  }
}

describe('client: the audit report command', () => {
  it('runs the bundled CLI as a task in the folder and shows the report in a webview that loads nothing', async () => {
    const fake = fakeVscode(true, [{ name: 'notes', path: '/w/notes' }], 0);
    const recorded = await runCommand(fake);
    assert.equal(recorded.tasks.length, 1);
    const bundledCli = fake.context.asAbsolutePath(['dist', 'cli.js'].join('/'));
    assert.deepEqual(recorded.tasks[0].args, [bundledCli, 'report', '.', '--out', '/storage/audit-report.html']);
    assert.equal(recorded.tasks[0].cwd, '/w/notes', 'the folder is the root, so its .opnoteignore applies');
    assert.equal(recorded.webviews.length, 1);
    assert.deepEqual(recorded.webviews[0].options, { enableScripts: true, localResourceRoots: [] });
    assert.equal(recorded.webviews[0].webview.html, '<!DOCTYPE html><p>report</p>');
    assert.equal(recorded.webviews[0].title, 'OpNote audit: notes');
  });

  it('runs nothing in an untrusted workspace, and says why', async () => {
    const recorded = await runCommand(fakeVscode(false, [{ name: 'notes', path: '/w/notes' }], 0));
    assert.deepEqual([recorded.tasks.length, recorded.webviews.length], [0, 0]);
    assert.match(recorded.messages.join(), /trusted workspace/);
  });

  it('shows no report when the CLI fails', async () => {
    const recorded = await runCommand(fakeVscode(true, [{ name: 'notes', path: '/w/notes' }], 2));
    assert.equal(recorded.webviews.length, 0);
    assert.match(recorded.messages.join(), /failed \(exit code 2\)/);
  });
});
