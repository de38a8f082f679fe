-- Drives the OpNote server from a real Neovim (0.7+) through its built-in LSP client, with the
-- documented setup (opnote-setup.lua), against the scenarios in ../fixtures/scenarios.json.
-- Run by scripts/editors/test-neovim.sh:
--   nvim --headless -u NONE -i NONE -n -c 'luafile check-opnote.lua'
-- env: OPNOTE_SERVER (server script), OPNOTE_WORKSPACE (a scratch copy of the fixtures),
--      OPNOTE_SCENARIOS (scenarios.json), LSP_TIMEOUT_MS (per step, default 10000).
-- stdout: one JSON object per check; exit 0 when all pass, 1 otherwise. Never prints note text.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = here .. '/?.lua;' .. package.path
local T = tonumber(os.getenv('LSP_TIMEOUT_MS') or '10000')
local server = assert(os.getenv('OPNOTE_SERVER'), 'OPNOTE_SERVER not set')
local workspace = assert(os.getenv('OPNOTE_WORKSPACE'), 'OPNOTE_WORKSPACE not set')
local scenarios = vim.json.decode(table.concat(vim.fn.readfile(assert(os.getenv('OPNOTE_SCENARIOS'))), '\n'))

local t0 = vim.loop.hrtime()
local failed, exited, get_client_id = false, false, nil
local SEVERITY = { error = 1, warning = 2, information = 3, hint = 4 } -- vim.diagnostic.severity values

local function emit(t)
  t.ms = math.floor((vim.loop.hrtime() - t0) / 1e5) / 10
  io.stdout:write(vim.json.encode(t), '\n')
  io.stdout:flush()
end
local function check(name, ok, data)
  if not ok then failed = true end
  emit({ check = name, ok = ok and true or false, data = (not ok) and data or nil })
  return ok
end
local function wait_for(predicate) return vim.wait(T, predicate, 10) end

local function server_pid()
  local client = get_client_id and get_client_id() and vim.lsp.get_client_by_id(get_client_id())
  return client and client.rpc and client.rpc.pid
end
local function finish()
  local pid = server_pid()
  if get_client_id and get_client_id() and not exited then -- fail-fast paths: never leave the server behind
    vim.lsp.stop_client(get_client_id(), true)
    if not vim.wait(2000, function() return exited ~= false end, 10) and pid then vim.loop.kill(pid, 9) end
  end
  emit({ done = true, ok = not failed })
  os.exit(failed and 1 or 0) -- the exit code never depends on :qa behaviour
end

-- Watchdog: whatever hangs, stop with 1 (it runs from libuv, so only os.exit is safe here).
local watchdog = vim.loop.new_timer()
watchdog:start(8 * T + 10000, 0, function()
  local pid = server_pid()
  if pid and not exited then vim.loop.kill(pid, 9) end
  io.stdout:write(vim.json.encode({ check = 'watchdog', ok = false }), '\n')
  io.stdout:flush()
  os.exit(1)
end)

local function diagnostics_of(bufnr)
  return vim.tbl_map(function(d) return { code = d.code, line = d.lnum, severity = d.severity } end, vim.diagnostic.get(bufnr))
end
local function has_diagnostic(bufnr, code, line)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code and (line == nil or d.lnum == line) then return d end
  end
end
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, T)
  local response = responses and responses[get_client_id()]
  return response and response.result, err or (response and response.err)
end

local function check_document(doc)
  local name = doc.file
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. doc.file))
  local bufnr = vim.api.nvim_get_current_buf()
  check(name .. ' filetype', vim.bo[bufnr].filetype == doc.languageId, vim.bo[bufnr].filetype)
  local attached = wait_for(function() return #vim.lsp.buf_get_clients(bufnr) > 0 end)
  if not check(name .. ' attached', attached, { server_exit = exited or 'still running' }) then return end
  local client = vim.lsp.get_client_by_id(get_client_id())
  if not check(name .. ' initialized', wait_for(function() return client.initialized == true end), exited or nil) then return end

  -- Diagnostics: each expected rule code on its line, with the severity the settings give it.
  wait_for(function()
    for _, e in ipairs(doc.diagnostics) do if not has_diagnostic(bufnr, e.code, e.line) then return false end end
    return true
  end)
  for _, e in ipairs(doc.diagnostics) do
    local d = has_diagnostic(bufnr, e.code, e.line)
    check(('%s diagnostic %s@%d'):format(name, e.code, e.line), d and d.severity == SEVERITY[e.severity], diagnostics_of(bufnr))
  end

  -- Hover: the markdown Neovim would show in its float.
  for _, h in ipairs(doc.hovers or {}) do
    vim.api.nvim_win_set_cursor(0, { h.line + 1, h.character }) -- fixtures are ASCII: bytes = UTF-16 units
    local result, err = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params())
    local text = result and table.concat(vim.lsp.util.convert_input_to_markdown_lines(result.contents), '\n') or ''
    check(('%s hover %d:%d'):format(name, h.line, h.character), text:find(h.contains, 1, true) ~= nil, { got = text, err = err })
  end

  -- Completion: the labels offered at a position.
  for _, c in ipairs(doc.completions or {}) do
    vim.api.nvim_win_set_cursor(0, { c.line + 1, c.character })
    local result, err = request(bufnr, 'textDocument/completion', vim.lsp.util.make_position_params())
    local labels = vim.tbl_map(function(item) return item.label end, (result and (result.items or result)) or {})
    local all = true
    for _, label in ipairs(c.includes) do all = all and vim.tbl_contains(labels, label) end
    check(('%s completion %d:%d'):format(name, c.line, c.character), all, { got = labels, err = err })
  end

  -- Quick fix, the way a user picks it: :lua vim.lsp.buf.code_action() opens vim.ui.select, the user
  -- chooses the title, Neovim resolves the action (codeAction/resolve) and applies its edit.
  local fix = doc.quickFix
  if fix then
    local d = has_diagnostic(bufnr, fix.code)
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local offered
    local original_select = vim.ui.select
    vim.ui.select = function(items, opts, on_choice)
      offered = vim.tbl_map(function(item) return opts.format_item(item) end, items)
      for _, item in ipairs(items) do
        if item[2].title == fix.title then return on_choice(item) end
      end
      on_choice(nil)
    end
    vim.lsp.buf.code_action({ only = { 'quickfix' } })
    local applied = wait_for(function()
      return vim.api.nvim_buf_get_lines(bufnr, fix.insertedLine, fix.insertedLine + 1, false)[1] == fix.insertedText
    end)
    vim.ui.select = original_select
    check(name .. ' quickFix applied', applied, { offered = offered })
    -- The edit went to the server as didChange; the disabled rule must be gone from the new publish.
    check(name .. ' quickFix silences ' .. fix.code, wait_for(function() return not has_diagnostic(bufnr, fix.code) end), diagnostics_of(bufnr))
  end

  -- didChange round trip: typing a new line must come back as a new diagnostic on that line.
  local change = doc.didChange
  if change then
    vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { change.appendLine })
    local line = vim.api.nvim_buf_line_count(bufnr) - 1
    check(('%s didChange %s@%d'):format(name, change.code, line),
      wait_for(function() return has_diagnostic(bufnr, change.code, line) ~= nil end), diagnostics_of(bufnr))
  end
  -- The claim follows its note: an unsaved edit of the note (another buffer, same server) re-checks
  -- the open claim, whose diagnostics change without the claim being touched.
  local follows = doc.followsNote
  if follows then
    local note = vim.fn.bufnr(workspace .. '/' .. follows.note)
    local edited = false
    for i, text in ipairs(note > 0 and vim.api.nvim_buf_get_lines(note, 0, -1, false) or {}) do
      local from, to = text:find(follows.replace, 1, true)
      if from and not edited then
        vim.api.nvim_buf_set_text(note, i - 1, from - 1, i - 1, to, { follows['with'] })
        edited = true
      end
    end
    if check(('%s follows %s'):format(name, follows.note), edited, 'note buffer or text not found') then
      check(('%s followsNote %s@%d'):format(name, follows.code, follows.line),
        wait_for(function() return has_diagnostic(bufnr, follows.code, follows.line) ~= nil end), diagnostics_of(bufnr))
    end
  end
  vim.cmd('silent! write') -- `:edit` of the next file refuses while this buffer has unsaved changes (scratch copy)
end

local ok, err = pcall(function()
  get_client_id = require('opnote-setup').setup({
    cmd = { 'node', server, '--stdio' },
    settings = scenarios.settings,
    debounce_ms = 0,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  vim.cmd('cd ' .. vim.fn.fnameescape(workspace))
  for _, doc in ipairs(scenarios.documents) do
    check_document(doc)
    if exited then break end
  end
  -- Clean shutdown: shutdown request, exit notification, and the server's own exit code 0.
  if get_client_id() and not exited then
    vim.lsp.stop_client(get_client_id())
    wait_for(function() return exited ~= false end)
  end
  check('server exit code 0', exited and exited.code == 0 and exited.signal == 0, exited)
end)
if not ok then check('lua error', false, tostring(err)) end
finish()
