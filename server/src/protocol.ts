// OpNote's additions to the Language Server Protocol: the one place both the server and the VS Code
// client take these method names from. Plain constants, so the client imports nothing else of the server.

/** Request, client to server: `{ uri }` → the 64596 checklist of that document as Markdown, or null. */
export const CHECKLIST_REQUEST = 'opnote/checklist';

/**
 * Request, client to server: `{ uri }` → the 64596 checklist of that document as data (`{ title, noteUri,
 * items, codes }`, the view model `opnote checklist --format json` prints), or null. The VS Code checklist view renders it.
 */
export const CHECKLIST_DATA_REQUEST = 'opnote/checklistData';

/** Request, client to server: `{ id }` → the rule's documentation page as Markdown (the page under docs/rules/), or null. */
export const RULE_PAGE_REQUEST = 'opnote/rulePage';

/** Notification, client to server: `{ trusted }`, sent when the user grants workspace trust. */
export const WORKSPACE_TRUST_NOTIFICATION = 'opnote/workspaceTrust';

/**
 * Command, client to server: (document URI, optional rule id) → the physician queries of a note as
 * Markdown. A reviewer's "Draft physician query" code action runs it; the VS Code client shows the result.
 */
export const QUERY_MARKDOWN_COMMAND = 'opnote.query.markdown';
