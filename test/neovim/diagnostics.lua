-- Headless Neovim (0.7+) as a second, independent LSP client of the okr language server.
-- The client set-up is NOT here: test/lsp/neovim.test.ts takes it verbatim from the README (the
-- snippet a user puts in init.lua) and installs it as this Neovim's init.lua. This script only plays
-- the user: it opens one .okr file, waits (bounded) for the diagnostics the README's client received,
-- prints them as JSON lines on stdout, and exits:
--   {"filetype": "...", "clients": ["okr"]} first, then {"diagnostic": {...}} per diagnostic, and a
--   last {"done": true, "count": N} or {"error": "..."}.
-- Inputs come from the environment: OKR_FILE, OKR_TIMEOUT_MS. With OKR_RENAME="<line>,<character>,<new
-- name>" it then asks for a rename there (the request vim.lsp.buf.rename() sends) and prints
-- {"rename": {"<uri>": <edit count>, ...}} before the last line. With OKR_REQUEST="<method>|<line>,<character>"
-- it sends that request at that position (as vim.lsp.buf.definition() or references() do) until the
-- JSON of the answer contains OKR_EXPECT (the workspace is searched in the background), and prints
-- {"response": <answer>}.
local function out(obj)
  io.stdout:write(vim.fn.json_encode(obj) .. "\n")
end

local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0) and "qall!" or ("cquit! " .. code))
end

local file = assert(os.getenv("OKR_FILE"), "OKR_FILE: the .okr file to open")
local timeout = tonumber(os.getenv("OKR_TIMEOUT_MS") or "10000")
local rename = os.getenv("OKR_RENAME")
local request = os.getenv("OKR_REQUEST")
local expect = os.getenv("OKR_EXPECT") or ""

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

-- vim.lsp.buf_get_clients exists from 0.5 to 0.11 (deprecated later); get_clients from 0.10.
local function attached()
  local list = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  local names = {}
  for _, c in pairs(list) do
    table.insert(names, c.name)
  end
  table.sort(names)
  return list, names
end

-- The client starts asynchronously: Neovim 0.7 lists it for the buffer once it has initialized.
local clients, names = {}, {}
local got = vim.wait(timeout, function()
  clients, names = attached()
  -- A rename or a request needs only the client (the file may have no problem to wait for).
  return #names > 0 and (rename ~= nil or request ~= nil or #vim.diagnostic.get(bufnr) > 0)
end, 20)
local ids = {}
for _, c in pairs(clients) do
  table.insert(ids, c.id)
end
out({ filetype = vim.bo[bufnr].filetype, syntax = vim.bo[bufnr].syntax, clients = names })
if not got then
  local why = #names == 0 and "no LSP client attached to the buffer (filetype '" .. vim.bo[bufnr].filetype .. "')"
    or "no diagnostics"
  out({ error = why .. " within " .. timeout .. " ms" })
  if #ids > 0 then
    vim.lsp.stop_client(ids, true)
  end
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

if rename then
  local line, character, new_name = rename:match("^(%d+),(%d+),(.+)$")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(line), character = tonumber(character) },
    newName = new_name,
  }
  local response = vim.lsp.get_client_by_id(ids[1]).request_sync("textDocument/rename", params, timeout, bufnr)
  if not response or response.err or not response.result then
    out({ error = "rename failed: " .. vim.fn.json_encode(response or {}) })
  else
    local counts = {}
    for uri, edits in pairs(response.result.changes or {}) do
      counts[uri] = #edits
    end
    out({ rename = counts })
  end
end

if request then
  local method, line, character = request:match("^([^|]+)|(%d+),(%d+)$")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(line), character = tonumber(character) },
    context = { includeDeclaration = true },
  }
  local client = vim.lsp.get_client_by_id(ids[1])
  local answer
  local found = vim.wait(timeout, function()
    local response = client.request_sync(method, params, timeout, bufnr)
    answer = response and response.result
    return answer ~= nil and string.find(vim.fn.json_encode(answer), expect, 1, true) ~= nil
  end, 100)
  if found then
    out({ response = answer })
  else
    out({ error = method .. " answered " .. vim.fn.json_encode(answer or vim.NIL) .. ", without '" .. expect .. "', within " .. timeout .. " ms" })
  end
end

out({ done = true, count = #diagnostics })

-- A clean shutdown: shutdown request + exit notification, then wait for the processes to go.
vim.lsp.stop_client(ids)
vim.wait(2000, function()
  for _, id in ipairs(ids) do
    if vim.lsp.get_client_by_id(id) ~= nil then
      return false
    end
  end
  return true
end, 20)
finish(0)
