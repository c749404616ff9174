-- End-to-end test of the whosaid Neovim config in real, headless Neovim (>= 0.11).
--
--   WHOSAID_BIN=target/release/whosaid nvim --headless --clean -c 'luafile tests/e2e/neovim/drive.lua'
--
-- Loads the project's own config (editors/neovim: lsp/whosaid.lua + require('whosaid').setup{}),
-- opens the fixture article and checks what a reporter would see: diagnostics (codes and ranges),
-- the hover on a quote, the inlay hints naming speakers, the sources lens, :WhosaidSources (each
-- quote at its line and column, also after accents and emoji), and diagnostics that
-- follow an edit. Exits through :cquit on the first mismatch.

local here = debug.getinfo(1, 'S').source:sub(2)
local root = vim.fn.fnamemodify(here, ':p:h:h:h:h')
local bin = vim.env.WHOSAID_BIN or (root .. '/target/release/whosaid')
local fixture = vim.env.WHOSAID_FIXTURE or (root .. '/tests/e2e/fixtures/article.txt')
local WAIT = tonumber(vim.env.WHOSAID_E2E_WAIT_MS or '') or 20000

local passed = 0

local function out(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local function fail(msg)
  io.stderr:write('neovim-e2e: FAIL: ' .. msg .. '\n')
  io.stderr:write(('neovim-e2e: %d passed, 1 failed\n'):format(passed))
  io.stderr:flush()
  for _, c in ipairs(vim.lsp.get_clients()) do
    c:stop(true)
  end
  vim.cmd('cquit 1')
end

local function ok(what)
  passed = passed + 1
  out('ok ' .. passed .. ' - ' .. what)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

-- Headless Neovim writes notifications with no line break; keep the log readable.
vim.notify = function(msg)
  out('notify: ' .. tostring(msg))
end

-- Safety net: a hung server must not hang CI.
vim.defer_fn(function()
  fail('the test did not finish within ' .. (WAIT * 4) .. ' ms')
end, WAIT * 4)

if vim.fn.has('nvim-0.11') ~= 1 then
  fail('needs Neovim 0.11 or newer, this is ' .. tostring(vim.version()))
end
check(vim.fn.executable(bin) == 1, 'server binary not found or not executable: ' .. bin .. ' (run cargo build --release)')
out(('neovim-e2e: nvim %s, server %s, fixture %s'):format(tostring(vim.version()), bin, fixture))

-- The project's own config, as a user would load it.
vim.opt.runtimepath:prepend(root .. '/editors/neovim')
-- A setting, to prove settings reach the server through workspace/configuration.
-- setup{} also enables the server (vim.lsp.enable('whosaid')).
require('whosaid').setup({ cmd = { bin }, settings = { rules = { ['loaded-verb'] = 'hint' } } })

vim.cmd.edit(vim.fn.fnameescape(fixture))
local buf = vim.api.nvim_get_current_buf()
check(vim.bo[buf].filetype == 'text', 'fixture filetype is ' .. vim.bo[buf].filetype .. ', expected text')

-- Wait for the client to attach and for the first diagnostics.
local function client()
  return vim.lsp.get_clients({ bufnr = buf, name = 'whosaid' })[1]
end
check(vim.wait(WAIT, function()
  return client() ~= nil and client().initialized
end, 50), 'whosaid did not attach to the text buffer (is lsp/whosaid.lua on the runtimepath?)')
ok('lsp/whosaid.lua attached the server to a text buffer')

local function diags()
  return vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(client().id) })
end
check(vim.wait(WAIT, function()
  return #diags() > 0
end, 50), 'no diagnostics arrived from whosaid')
-- The settings may arrive after the first analysis; wait until they are applied.
vim.wait(WAIT, function()
  for _, d in ipairs(diags()) do
    if d.code == 'loaded-verb' and d.severity == vim.diagnostic.severity.HINT then
      return true
    end
  end
  return false
end, 50)

-- Positions in the buffer, 0-based line and byte column, found from the text itself.
local function find(needle, nth)
  nth = nth or 1
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local seen = 0
  for i, line in ipairs(lines) do
    local from = 1
    while true do
      local s, e = line:find(needle, from, true)
      if not s then
        break
      end
      seen = seen + 1
      if seen == nth then
        return { line = i - 1, col = s - 1, end_col = e }
      end
      from = e + 1
    end
  end
  fail('fixture text not found: ' .. needle)
end

local function fmt_diag(d)
  return ('%s %d:%d-%d:%d %q'):format(tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col, d.message)
end

local function dump(list)
  local s = {}
  for _, d in ipairs(list) do
    table.insert(s, '  ' .. fmt_diag(d))
  end
  return table.concat(s, '\n')
end

-- The diagnostic with `code` whose range covers `at` (a find() result), or nil.
local function diag_covering(list, code, at)
  for _, d in ipairs(list) do
    local starts_before = d.lnum < at.line or (d.lnum == at.line and d.col <= at.col)
    local ends_after = d.end_lnum > at.line or (d.end_lnum == at.line and d.end_col >= at.end_col)
    if d.code == code and starts_before and ends_after then
      return d
    end
  end
end

-- The diagnostic with `code` whose range is exactly `at`, or nil.
local function diag_exact(list, code, at)
  for _, d in ipairs(list) do
    if d.code == code and d.lnum == at.line and d.col == at.col and d.end_lnum == at.line and d.end_col == at.end_col then
      return d
    end
  end
end

local function on_line(list, code, line)
  for _, d in ipairs(list) do
    if d.code == code and d.lnum == line then
      return d
    end
  end
end

local first = diags()
out('diagnostics:\n' .. dump(first))
for _, d in ipairs(first) do
  check(d.source == 'whosaid', 'diagnostic without source "whosaid": ' .. fmt_diag(d))
end

-- The unattributed quote is flagged, and its range covers the quotation.
local detour = find('"The detour is a disaster for everyone on the east bank."')
check(diag_exact(first, 'unattributed-quote', detour), 'expected unattributed-quote on exactly the detour quote, marks included\n' .. dump(first))
ok('unattributed-quote marks exactly the quote nobody said')

-- The agentless passive and the loaded verb are flagged where they are.
local passive = find('is widely seen as')
check(diag_exact(first, 'agentless-passive', passive), 'expected agentless-passive on exactly "is widely seen as"\n' .. dump(first))
ok('agentless-passive marks "is widely seen as"')
local admitted = find('admitted')
local loaded = diag_exact(first, 'loaded-verb', admitted)
check(loaded, 'expected loaded-verb on exactly "admitted"\n' .. dump(first))
check(loaded.severity == vim.diagnostic.severity.HINT, 'loaded-verb is not a hint as set in setup{settings}: ' .. fmt_diag(loaded))
ok('loaded-verb covers "admitted", as a hint as configured in setup{settings}')

-- Attributed quotes are not flagged, including the one attributed through "he said".
local vasquez_q = find('"We cannot keep sending school buses over a bridge that is failing,"')
local brennan_q = find('"This will cut my business in half,"')
local nair_q = find('"We should have acted sooner,"')
for _, q in ipairs({ vasquez_q, brennan_q, nair_q }) do
  local d = diag_covering(first, 'unattributed-quote', q)
  check(not d, 'an attributed quote is flagged: ' .. (d and fmt_diag(d) or ''))
end
ok('attributed quotes (named, pronoun, after the quote) are not flagged')

-- Hover on a quote names the speaker and the cue.
local function hover_at(pos)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = pos.line, character = pos.col + 2 }, -- inside the quote; ASCII line
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, WAIT) or {}
  for _, r in pairs(res) do
    if r.result and r.result.contents then
      local c = r.result.contents
      if type(c) == 'string' then
        return c
      elseif c.value then
        return c.value
      else
        local parts = {}
        for _, p in ipairs(c) do
          table.insert(parts, type(p) == 'string' and p or p.value)
        end
        return table.concat(parts, '\n')
      end
    end
  end
  return nil
end
local hv = hover_at(vasquez_q)
check(hv, 'no hover over the Vasquez quote')
check(hv:find('Vasquez', 1, true), 'hover does not name Vasquez: ' .. hv)
check(hv:find('said', 1, true), 'hover does not show the cue "said": ' .. hv)
local hb = hover_at(brennan_q)
check(hb and hb:find('Brennan', 1, true), 'hover over the "he said" quote does not name Brennan: ' .. tostring(hb))
ok('hover names the speaker and the cue')

-- Inlay hints: turned on by require('whosaid').setup{}, one after each quote.
check(vim.lsp.inlay_hint.is_enabled({ bufnr = buf }), 'setup{} did not enable inlay hints for the text buffer')
local function hints()
  local list = {}
  for _, h in ipairs(vim.lsp.inlay_hint.get({ bufnr = buf })) do
    local label = h.inlay_hint.label
    if type(label) == 'table' then
      local s = {}
      for _, p in ipairs(label) do
        table.insert(s, p.value)
      end
      label = table.concat(s)
    end
    table.insert(list, { line = h.inlay_hint.position.line, col = h.inlay_hint.position.character, label = vim.trim(label) })
  end
  table.sort(list, function(a, b)
    return a.line < b.line or (a.line == b.line and a.col < b.col)
  end)
  return list
end
local function dump_hints(list)
  local s = {}
  for _, h in ipairs(list) do
    table.insert(s, ('  %d:%d %s'):format(h.line, h.col, h.label))
  end
  return table.concat(s, '\n')
end
-- `label` is one label or a list of acceptable ones: a quote attributed through a pronoun may be
-- labelled "— Brennan" or "he → Brennan".
local function hint_at(list, label, at)
  local labels = type(label) == 'table' and label or { label }
  for _, h in ipairs(list) do
    if vim.tbl_contains(labels, h.label) and h.line == at.line and h.col == at.end_col then
      return h
    end
  end
end
check(vim.wait(WAIT, function()
  return #hints() >= 4
end, 50), 'expected at least 4 inlay hints, got:\n' .. dump_hints(hints()))
local hs = hints()
out('inlay hints:\n' .. dump_hints(hs))
-- Right after each closing quotation mark.
check(hint_at(hs, '— Vasquez', vasquez_q), 'no "— Vasquez" hint right after the first quote\n' .. dump_hints(hs))
check(hint_at(hs, { '— Brennan', 'he → Brennan' }, brennan_q), 'no "— Brennan" hint after the "he said" quote\n' .. dump_hints(hs))
check(hint_at(hs, '— Nair', nair_q), 'no "— Nair" hint after the Nair quote\n' .. dump_hints(hs))
check(hint_at(hs, '— ?', detour), 'no "— ?" hint after the unattributed quote\n' .. dump_hints(hs))
ok('inlay hints name the speakers after their quotes, "— ?" for none')

-- The sources line (a code lens) at the top of the article.
check(vim.wait(WAIT, function()
  local lenses = vim.lsp.codelens.get(buf)
  return #lenses > 0 and lenses[1].command ~= nil
end, 50), 'no sources code lens at the top of the article: ' .. vim.inspect(vim.lsp.codelens.get(buf)))
local lens = vim.lsp.codelens.get(buf)[1]
check(lens.range.start.line == 0 and lens.command.title:find('^3 sources · ') and lens.command.title:find('not stated', 1, true),
  'the sources lens: ' .. vim.inspect(lens))
ok('the sources lens at the top: ' .. lens.command.title)

-- :WhosaidSources puts every quote, by source, in the location list and opens it.
local whosaid = require('whosaid')
local function sources_list()
  whosaid.last_sources = nil
  vim.cmd('WhosaidSources')
  check(vim.wait(WAIT, function()
    return whosaid.last_sources ~= nil
  end, 50), ':WhosaidSources got no answer')
  local loc = vim.fn.getloclist(0, { items = 0, title = 0, winid = 0 })
  check(loc.winid ~= 0, ':WhosaidSources did not open the location list')
  vim.cmd('lclose')
  return loc
end
-- The location-list entry whose text starts with `prefix`, checked to sit on `at` (a find() result).
local function entry_at(loc, prefix, at)
  for _, it in ipairs(loc.items) do
    if it.text:sub(1, #prefix) == prefix then
      check(it.lnum == at.line + 1 and it.col == at.col + 1,
        ('%q is at %d:%d, the quote at %d:%d'):format(it.text, it.lnum, it.col, at.line + 1, at.col + 1))
      return it
    end
  end
  fail('no location-list entry starting ' .. prefix .. ': ' .. vim.inspect(loc.items))
end
local loc = sources_list()
out(':WhosaidSources:\n  ' .. table.concat(vim.tbl_map(function(it)
  return ('%d:%d %s'):format(it.lnum, it.col, it.text)
end, loc.items), '\n  '))
check(loc.title:find('3 sources', 1, true), ':WhosaidSources title: ' .. loc.title)
entry_at(loc, 'Elena Vasquez (Mayor): “We cannot keep sending school buses', find('"We cannot keep'))
entry_at(loc, 'Tom Brennan: “This will cut my business in half', find('"This will cut'))
entry_at(loc, 'Priya Nair (Council member): “We should have acted sooner', find('"We should have acted'))
for _, it in ipairs(loc.items) do
  check(it.bufnr == buf, 'a location-list entry is in another buffer: ' .. vim.inspect(it))
  check(not it.text:find('The detour', 1, true), 'the quote with no source is listed under a source: ' .. it.text)
end
ok(':WhosaidSources lists each quote under its source at its line and column (' .. #loc.items .. ' quotes)')

-- Edit: drop the attribution from the first quote; the diagnostics follow the change.
local line = vim.api.nvim_buf_get_lines(buf, vasquez_q.line, vasquez_q.line + 1, false)[1]
local edited = line:gsub(',%" said Mayor Elena Vasquez, who proposed the closure%.', '."')
check(edited ~= line, 'could not remove the attribution from: ' .. line)
vim.api.nvim_buf_set_lines(buf, vasquez_q.line, vasquez_q.line + 1, false, { edited })
local function flagged_now()
  return diag_exact(diags(), 'unattributed-quote', find('"We cannot keep sending school buses over a bridge that is failing."'))
end
check(vim.wait(WAIT, function()
  return flagged_now() ~= nil
end, 50), 'after removing the attribution, no unattributed-quote on that quote\n' .. dump(diags()))
check(diag_covering(diags(), 'unattributed-quote', find('"The detour is a disaster')), 'the detour quote lost its diagnostic after the edit')
ok('removing an attribution makes an unattributed-quote appear')
check(vim.wait(WAIT, function()
  return hint_at(hints(), '— ?', find('"We cannot keep sending school buses over a bridge that is failing."')) ~= nil
end, 50), 'the hint after the edited quote did not become "— ?"\n' .. dump_hints(hints()))
ok('the inlay hint follows the edit')

-- Accents and emoji before a quote: the location list still points at the quotation mark
-- (the server counts UTF-16 units, Neovim bytes).
local sources_fixture = root .. '/tests/e2e/fixtures/sources.txt'
vim.cmd.edit(vim.fn.fnameescape(sources_fixture))
buf = vim.api.nvim_get_current_buf()
check(vim.wait(WAIT, function()
  return client() ~= nil and client().initialized
end, 50), 'whosaid did not attach to ' .. sources_fixture)
local uloc = sources_list()
out(':WhosaidSources (accents):\n  ' .. table.concat(vim.tbl_map(function(it)
  return ('%d:%d %s'):format(it.lnum, it.col, it.text)
end, uloc.items), '\n  '))
entry_at(uloc, 'Zoë Łukasiewicz (Judge): “The crust is perfect', find('“The crust'))
entry_at(uloc, 'Émile Durand: “I baked through the night — 🥐 after 🥐', find('“I baked'))
entry_at(uloc, 'Zoë Łukasiewicz (Judge): (reported) the filling was “bold but never heavy.”', find('the filling was'))
ok(':WhosaidSources columns are right after accented names and emoji')

-- Markdown articles are checked too (filetype markdown).
local md = vim.fn.tempname() .. '.md'
vim.fn.writefile(vim.fn.readfile(fixture), md)
vim.cmd.edit(vim.fn.fnameescape(md))
local mdbuf = vim.api.nvim_get_current_buf()
check(vim.bo[mdbuf].filetype == 'markdown', 'a .md file has filetype ' .. vim.bo[mdbuf].filetype)
check(vim.wait(WAIT, function()
  for _, d in ipairs(vim.diagnostic.get(mdbuf)) do
    if d.code == 'unattributed-quote' then
      return true
    end
  end
  return false
end, 50), 'no unattributed-quote in the Markdown copy of the article')
check(vim.lsp.inlay_hint.is_enabled({ bufnr = mdbuf }), 'inlay hints are not on in the Markdown buffer')
ok('a Markdown article is checked as well, with inlay hints on')
vim.fn.delete(md)

-- Shut down cleanly.
local c = client()
c:stop()
check(vim.wait(5000, function()
  return c:is_stopped()
end, 50), 'the server did not stop')
ok('the server shut down')
out(('neovim-e2e: %d passed, 0 failed'):format(passed))
vim.cmd('qa!')
