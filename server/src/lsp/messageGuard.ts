// Every message from the client passes here before the JSON-RPC library dispatches it. The library's
// own handlers (document sync, work-done progress, $/setTrace, initialize) read params without looking
// at them, so a `null` or a string would throw inside the library and come back as an internal error
// (-32603) or a log line; and a frame that is no JSON-RPC message at all is logged by the library with
// its whole content. Here a malformed request gets InvalidParams, a malformed notification is dropped,
// a malformed frame is dropped, and the log says only which of these happened.
import { z } from 'zod';
import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node';
import { CHECKLIST_REQUEST, WORKSPACE_TRUST_NOTIFICATION } from '../protocol';

/** Malformed requests are re-addressed here, so that the library answers them with InvalidParams under their own id. */
const REJECTED_REQUEST = 'opnote/rejectedRequest';

const uinteger = z.number().int().min(0);
const position = z.object({ line: uinteger, character: uinteger });
const range = z.object({ start: position, end: position });
const onDocument = z.object({ textDocument: z.object({ uri: z.string() }) });
const atPosition = onDocument.extend({ position });
const workspaceFolder = z.object({ uri: z.string(), name: z.string() });
const optionalObject = z.object({}).optional();

/** What the handlers (ours and the library's) read from each request's params; nothing more is required. */
const REQUEST_PARAMS = new Map<string, z.ZodType>([
  [
    'initialize',
    z.object({
      capabilities: z.object({}),
      rootUri: z.string().nullish(),
      rootPath: z.string().nullish(),
      workspaceFolders: z.array(workspaceFolder).nullish(),
    }),
  ],
  ['textDocument/hover', atPosition],
  ['textDocument/completion', atPosition],
  ['textDocument/codeAction', onDocument.extend({ range, context: z.object({ only: z.array(z.string()).optional() }) })],
  ['codeAction/resolve', z.object({ title: z.string() })],
  ['textDocument/documentSymbol', onDocument],
  ['textDocument/foldingRange', onDocument],
  ['textDocument/willSaveWaitUntil', onDocument.extend({ reason: z.number() })],
  ['workspace/executeCommand', z.object({ command: z.string(), arguments: z.array(z.unknown()).optional() })],
  [CHECKLIST_REQUEST, z.object({ uri: z.string() })],
]);

const NOTIFICATION_PARAMS = new Map<string, z.ZodType>([
  ['initialized', optionalObject],
  ['textDocument/didOpen', z.object({ textDocument: z.object({ uri: z.string(), languageId: z.string(), version: z.number().int(), text: z.string() }) })],
  [
    'textDocument/didChange',
    z.object({
      textDocument: z.object({ uri: z.string(), version: z.number().int() }),
      contentChanges: z.array(z.union([z.object({ range, rangeLength: uinteger.optional(), text: z.string() }), z.object({ range: z.undefined().optional(), text: z.string() })])),
    }),
  ],
  ['textDocument/didClose', onDocument],
  ['textDocument/willSave', onDocument.extend({ reason: z.number() })],
  ['textDocument/didSave', onDocument.extend({ text: z.string().optional() })],
  ['workspace/didChangeConfiguration', z.object({ settings: z.unknown().optional() })],
  ['workspace/didChangeWatchedFiles', z.object({ changes: z.array(z.object({ uri: z.string(), type: z.number() })) })],
  ['workspace/didChangeWorkspaceFolders', z.object({ event: z.object({ added: z.array(workspaceFolder), removed: z.array(workspaceFolder) }) })],
  [WORKSPACE_TRUST_NOTIFICATION, z.object({ trusted: z.boolean() })],
  ['$/setTrace', z.object({ value: z.enum(['off', 'messages', 'compact', 'verbose']) })],
]);

/** The connection's message strategy; `attach` it to the connection it was created with. */
export class MessageGuard implements MessageStrategy {
  private log: (line: string) => void = () => undefined;

  attach(connection: Connection): void {
    this.log = (line) => connection.console.warn(line);
    connection.onRequest(REJECTED_REQUEST, (params: { method: string }) => new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${params.method}`));
  }

  handleMessage(message: Message, next: (message: Message) => void | Promise<void>): void | Promise<void> {
    if (Message.isRequest(message)) {
      const schema = REQUEST_PARAMS.get(message.method);
      if (!schema || schema.safeParse(message.params).success) return next(message);
      this.log(`OpNote answered malformed params of a ${message.method} request with InvalidParams.`);
      const rejected: RequestMessage = { jsonrpc: message.jsonrpc, id: message.id, method: REJECTED_REQUEST, params: { method: message.method } };
      return next(rejected);
    }
    if (Message.isNotification(message)) {
      const schema = NOTIFICATION_PARAMS.get(message.method);
      if (!schema || schema.safeParse(message.params).success) return next(message);
      this.log(`OpNote ignored malformed params of a ${message.method} notification.`);
      return;
    }
    if (Message.isResponse(message)) return next(message);
    this.log('OpNote ignored a malformed JSON-RPC message (neither a request, a notification nor a response).');
  }
}
