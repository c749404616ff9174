-- whosaid language server for Neovim >= 0.11: `vim.lsp.enable('whosaid')` picks this file up from
-- the runtimepath. Override any field with `vim.lsp.config('whosaid', { ... })`.
---@type vim.lsp.Config
return {
  cmd = { 'whosaid' },
  filetypes = { 'text', 'markdown' },
  root_markers = { '.whosaid.toml', '.git' },
  -- Sent as the `whosaid` section of workspace/configuration; same keys as .whosaid.toml
  -- (rules, inlayHints, sourcesLens, reportingVerbs, speakers, maxFileSize), and they win over it. Empty by
  -- default so the project's .whosaid.toml decides; an empty dict, as a plain {} would be sent as
  -- a JSON list.
  settings = {
    whosaid = vim.empty_dict(),
  },
}
