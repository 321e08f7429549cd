-- The Neovim test's driver, run after the README's init.lua (nvim-init.lua) has set SIP Sense up:
-- opens a trace, waits for the diagnostics, asks for hovers, changes a setting, asks again.
-- Environment: SIPSENSE_FILE (the trace), SIPSENSE_OUT (JSON results), SIPSENSE_HOVERS
-- ("line:character;..." 0-based).
local results = { hovers = {}, hovers_fa = {}, diagnostics = {} }

local function finish(code)
  local file = assert(io.open(os.getenv('SIPSENSE_OUT'), 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

local function hovers(bufnr, client_id)
  local found = {}
  for spec in string.gmatch(os.getenv('SIPSENSE_HOVERS') or '', '[^;]+') do
    local line, character = spec:match('(%d+):(%d+)')
    local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = tonumber(line), character = tonumber(character) },
    }, 10000)
    local answer = answers and answers[client_id] or {}
    assert(not answer.err, vim.inspect(answer.err))
    local hover = answer.result
    table.insert(found, {
      at = spec,
      value = hover and hover.contents and hover.contents.value or vim.NIL,
      range = hover and hover.range or vim.NIL,
    })
  end
  return found
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SIPSENSE_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[bufnr].filetype
  local attached = vim.wait(10000, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 50)
  assert(attached, 'no language server attached to ' .. results.filetype .. ' buffer')
  local client_id, client = next(vim.lsp.buf_get_clients(bufnr))
  results.client = client.name

  -- The diagnostics as Neovim holds them (vim.diagnostic), once published.
  assert(vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'no diagnostics within 20 s')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(results.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
      message = d.message, source = d.source, code = lsp.code, tags = lsp.tags,
    })
  end
  results.hovers = hovers(bufnr, client_id)

  -- A setting changed while the server runs: hovers in Persian.
  client.config.settings.sipSense.hover.language = 'fa'
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  results.hovers_fa = hovers(bufnr, client_id)

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)

if not ok then
  results.error = tostring(err)
  finish(3)
else
  finish(0)
end
