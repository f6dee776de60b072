-- Headless Neovim (0.7+) as a second, independent LSP client of the okr language server.
-- Starts the server with vim.lsp.start_client (vim.lsp.start needs 0.8), opens one .okr file,
-- waits (bounded) for its diagnostics and prints them as JSON lines on stdout, then exits:
--   {"diagnostic": {...}} per diagnostic, and a last {"done": true, "count": N} or {"error": "..."}.
-- Inputs come from the environment: OKR_NODE, OKR_SERVER, OKR_ROOT, OKR_FILE, OKR_TIMEOUT_MS.
-- With OKR_RENAME="<line>,<character>,<new name>" it asks for a rename there instead (Neovim's own
-- request, as vim.lsp.buf.rename() sends it) and prints {"rename": {"<uri>": <edit count>, ...}}.
local function out(obj)
  io.stdout:write(vim.fn.json_encode(obj) .. "\n")
end

local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0) and "qall!" or ("cquit! " .. code))
end

local node = os.getenv("OKR_NODE") or "node"
local server = assert(os.getenv("OKR_SERVER"), "OKR_SERVER: path of dist/server.js")
local root = assert(os.getenv("OKR_ROOT"), "OKR_ROOT: the workspace folder")
local file = assert(os.getenv("OKR_FILE"), "OKR_FILE: the .okr file to open")
local timeout = tonumber(os.getenv("OKR_TIMEOUT_MS") or "10000")


local client_id = vim.lsp.start_client({
  name = "okr",
  cmd = { node, server, "--stdio" },
  root_dir = root,
  settings = { okr = {} },
  on_exit = function(code, signal)
    if code ~= 0 and signal ~= 15 then
      out({ event = "server-exit", code = code, signal = signal })
    end
  end,
})
if not client_id then
  out({ error = "vim.lsp.start_client failed" })
  finish(1)
  return
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = "okr"
vim.lsp.buf_attach_client(bufnr, client_id)

local rename = os.getenv("OKR_RENAME")
if rename then
  -- Rename only: once initialized (the didOpen of the buffer goes out in the same step), ask, print, stop.
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(timeout, function() return client.initialized end, 20) then
    out({ error = "not initialized within " .. timeout .. " ms" })
    finish(1)
    return
  end
  local line, character, new_name = rename:match("^(%d+),(%d+),(.+)$")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(line), character = tonumber(character) },
    newName = new_name,
  }
  local response = client.request_sync("textDocument/rename", params, timeout, bufnr)
  if not response or response.err or not response.result then
    out({ error = "rename failed: " .. vim.fn.json_encode(response or {}) })
  else
    local counts = {}
    for uri, edits in pairs(response.result.changes or {}) do
      counts[uri] = #edits
    end
    out({ rename = counts })
  end
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 20)
  finish(0)
  return
end

local got = vim.wait(timeout, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 20)

if not got then
  out({ error = "no diagnostics within " .. timeout .. " ms" })
  vim.lsp.stop_client(client_id, true)
  finish(1)
  return
end

local diagnostics = vim.diagnostic.get(bufnr)
for _, d in ipairs(diagnostics) do
  out({
    diagnostic = {
      code = d.code,
      source = d.source,
      severity = d.severity,
      line = d.lnum,
      col = d.col,
      end_line = d.end_lnum,
      end_col = d.end_col,
      message = d.message,
    },
  })
end
out({ done = true, count = #diagnostics })

-- A clean shutdown: shutdown request + exit notification, then wait for the process to go.
vim.lsp.stop_client(client_id)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
finish(0)
