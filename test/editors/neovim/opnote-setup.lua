-- OpNote for Neovim 0.7 and later (the README's snippet; CI runs this exact file).
-- require('opnote-setup').setup({ cmd = { 'opnote-language-server', '--stdio' } })
-- One server for the whole session: every .opnote and .claim buffer attaches to it, so a claim and
-- its note share one server. Works on 0.7 (vim.lsp.start needs 0.8).
local M = {}

function M.setup(opts)
  opts = opts or {}
  local client_id
  local group = vim.api.nvim_create_augroup('opnote', { clear = true })
  -- Filetype detection (on 0.8+ `vim.filetype.add({ extension = { opnote = 'opnote', claim = 'claim' } })`
  -- does the same). The filetype becomes the LSP languageId, which tells the server note from claim.
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { group = group, pattern = '*.opnote', command = 'setfiletype opnote' })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { group = group, pattern = '*.claim', command = 'setfiletype claim' })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = { 'opnote', 'claim' },
    callback = function(args)
      local client = client_id and vim.lsp.get_client_by_id(client_id)
      if not client or client.is_stopped() then
        client_id = vim.lsp.start_client({
          name = 'opnote',
          cmd = opts.cmd or { 'opnote-language-server', '--stdio' },
          root_dir = vim.fn.getcwd(),
          settings = opts.settings or { opnote = {} },
          -- Neovim 0.7 does not offer workspace/configuration, so the server only learns its
          -- settings (opnote.rules, opnote.validation.delay) from this notification.
          on_init = function(client)
            client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
          end,
          flags = { debounce_text_changes = opts.debounce_ms or 150 },
          on_exit = opts.on_exit,
        })
      end
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
  return function() return client_id end
end

return M
