-- whosaid for Neovim: inlay hints (who said each quote) in articles, and :WhosaidSources.
--
--   require('whosaid').setup{}      -- also runs vim.lsp.enable('whosaid')
--
-- Options (all optional):
--   enable = true                    -- false: call vim.lsp.enable('whosaid') yourself
--   cmd = { '/path/to/whosaid' }     -- when whosaid is not on PATH
--   settings = { rules = { ['loaded-verb'] = 'off' }, speakers = { { name = 'Dana Whitfield', role = 'fire chief' } } }
--   inlay_hints = true               -- turn inlay hints on in buffers whosaid attaches to
local M = {}

M.filetypes = { 'text', 'markdown' }

local function client_for(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'whosaid' })[1]
end

local function plural(n, one, many)
  return ('%d %s'):format(n, n == 1 and one or many)
end

--- One-line summary of a `whosaid.sources` result.
function M.summary(s)
  return ('%s · %s · %d unsourced'):format(
    plural(#(s.speakers or {}), 'speaker', 'speakers'),
    plural(s.quotes or 0, 'quote', 'quotes'),
    s.unsourcedClaims or 0
  )
end

--- Ask the server for the article's sources; calls `cb(err, result)`.
function M.sources(bufnr, cb)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = client_for(bufnr)
  if not client then
    cb('whosaid is not running for this buffer (is it a text or markdown file, and is `whosaid` installed?)')
    return
  end
  client:request('workspace/executeCommand', {
    command = 'whosaid.sources',
    arguments = { vim.uri_from_bufnr(bufnr) },
  }, function(err, result)
    cb(err and (err.message or vim.inspect(err)) or nil, result)
  end, bufnr)
end

--- :WhosaidSources — speakers with their quote counts in the location list.
function M.show_sources(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  M.sources(bufnr, function(err, s)
    if err or type(s) ~= 'table' then
      vim.notify('whosaid: ' .. tostring(err or 'no answer from the server'), vim.log.levels.WARN)
      return
    end
    local items = {}
    for _, sp in ipairs(s.speakers or {}) do
      local role = (type(sp.role) == 'string' and sp.role ~= '') and (', ' .. sp.role) or ''
      table.insert(items, {
        bufnr = bufnr,
        lnum = (sp.line or 0) + 1,
        col = 1,
        text = ('%s%s — %s'):format(sp.name, role, plural(sp.quotes or 0, 'quote', 'quotes')),
      })
    end
    local title = 'whosaid: ' .. M.summary(s)
    vim.fn.setloclist(0, {}, ' ', { title = title, items = items })
    M.last_sources = s
    if #items > 0 then
      vim.cmd('lopen')
    end
    vim.notify(title .. ((s.unattributed or 0) > 0 and (' (%d with no speaker)'):format(s.unattributed) or ''))
  end)
end

function M.setup(opts)
  opts = opts or {}
  local override = {}
  if opts.cmd then
    override.cmd = opts.cmd
  end
  if opts.settings then
    override.settings = { whosaid = opts.settings }
  end
  if next(override) then
    vim.lsp.config('whosaid', override)
  end

  local group = vim.api.nvim_create_augroup('whosaid', { clear = true })
  if opts.inlay_hints ~= false then
    vim.api.nvim_create_autocmd('LspAttach', {
      group = group,
      callback = function(ev)
        local client = vim.lsp.get_client_by_id(ev.data.client_id)
        if client and client.name == 'whosaid' and vim.tbl_contains(M.filetypes, vim.bo[ev.buf].filetype) then
          vim.lsp.inlay_hint.enable(true, { bufnr = ev.buf })
        end
      end,
    })
  end

  vim.api.nvim_create_user_command('WhosaidSources', function()
    M.show_sources(0)
  end, { desc = 'whosaid: list the speakers quoted in this article' })

  if opts.enable ~= false then
    vim.lsp.enable('whosaid')
  end
end

return M
