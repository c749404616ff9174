-- whosaid for Neovim: inlay hints (who said each quote) in articles, the sources line at the top
-- (a code lens), and :WhosaidSources (every quote, by source, in the location list).
--
--   require('whosaid').setup{}      -- also runs vim.lsp.enable('whosaid')
--
-- Options (all optional):
--   enable = true                    -- false: call vim.lsp.enable('whosaid') yourself
--   cmd = { '/path/to/whosaid' }     -- when whosaid is not on PATH
--   settings = { rules = { ['loaded-verb'] = 'off' }, speakers = { { name = 'Dana Whitfield', role = 'fire chief' } } }
--   inlay_hints = true               -- turn inlay hints on in buffers whosaid attaches to
--   codelens = true                  -- show the sources line at the top of an article
--                                       (settings = { sourcesLens = false } turns it off in the server)
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

--- Ask the server for the article's sources (the `whosaid/sources` request); calls `cb(err, result)`.
function M.sources(bufnr, cb)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = client_for(bufnr)
  if not client then
    cb('whosaid is not running for this buffer (is it a text or markdown file, and is `whosaid` installed?)')
    return
  end
  client:request('whosaid/sources', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, function(err, result)
    cb(err and (err.message or vim.inspect(err)) or nil, result)
  end, bufnr)
end

--- 1-based line and byte column of an LSP position in `bufnr` (the server counts in the
--- client's offset encoding, UTF-16 unless both chose UTF-8).
local function position(bufnr, pos, encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, pos.line, pos.line + 1, false)[1] or ''
  local ok, col = pcall(vim.str_byteindex, line, encoding, pos.character, false)
  return pos.line + 1, (ok and col or math.min(pos.character, #line)) + 1
end

local function shorten(text, max)
  if vim.fn.strchars(text) <= max then
    return text
  end
  return vim.trim(vim.fn.strcharpart(text, 0, max - 1)) .. '…'
end

--- One location-list line per quote: Name (role): “quote…”, in the order of the sources.
function M.quote_items(bufnr, s, encoding)
  local items = {}
  for _, src in ipairs(s.sources or {}) do
    local who = src.name
    if type(src.role) == 'string' and src.role ~= '' then
      who = ('%s (%s)'):format(src.name, src.role)
    end
    for _, q in ipairs(src.quotes or {}) do
      local text = shorten(q.text or '', 80)
      local said = (q.kind == 'indirect' or q.kind == 'mixed') and ('(reported) ' .. text) or ('“' .. text .. '”')
      local lnum, col = position(bufnr, q.range.start, encoding)
      local end_lnum, end_col = position(bufnr, q.range['end'], encoding)
      table.insert(items, {
        bufnr = bufnr,
        lnum = lnum,
        col = col,
        end_lnum = end_lnum,
        end_col = end_col,
        text = ('%s: %s'):format(who, said),
      })
    end
  end
  return items
end

--- :WhosaidSources — every quote of every source in the location list, opened.
function M.show_sources(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local win = vim.api.nvim_get_current_win()
  M.sources(bufnr, function(err, s)
    if err or type(s) ~= 'table' then
      vim.notify('whosaid: ' .. tostring(err or 'no answer from the server'), vim.log.levels.WARN)
      return
    end
    local client = client_for(bufnr)
    local items = M.quote_items(bufnr, s, client and client.offset_encoding or 'utf-16')
    local line = s.summary and s.summary.text or M.summary(s)
    local title = 'whosaid: ' .. line
    vim.fn.setloclist(win, {}, ' ', { title = title, items = items })
    M.last_sources = s
    if #items > 0 then
      vim.api.nvim_win_call(win, function()
        vim.cmd('lopen')
      end)
    end
    vim.notify(title)
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

  if opts.codelens ~= false then
    vim.api.nvim_create_autocmd('LspAttach', {
      group = group,
      callback = function(ev)
        local client = vim.lsp.get_client_by_id(ev.data.client_id)
        if client and client.name == 'whosaid' then
          vim.lsp.codelens.refresh({ bufnr = ev.buf })
        end
      end,
    })
  end
  -- A click on the lens (or `vim.lsp.codelens.run()`) lists the sources.
  vim.lsp.commands['whosaid.showSources'] = function(_, ctx)
    M.show_sources(ctx and ctx.bufnr or 0)
  end

  vim.api.nvim_create_user_command('WhosaidSources', function()
    M.show_sources(0)
  end, { desc = 'whosaid: every quote in this article, by source, in the location list' })

  if opts.enable ~= false then
    vim.lsp.enable('whosaid')
  end
end

return M
