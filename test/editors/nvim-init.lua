-- SIP Sense in Neovim 0.7 or later, with its built-in LSP client (the README's snippet; the
-- Neovim test runs Neovim with exactly this file as its init.lua).
vim.cmd([[
  augroup sipsense_filetypes
    autocmd!
    autocmd BufRead,BufNewFile *.sip setfiletype sip
    autocmd BufRead,BufNewFile kamailio*.cfg,*/kamailio/*.cfg setfiletype kamailio
    autocmd BufRead,BufNewFile opensips*.cfg,*/opensips/*.cfg setfiletype opensips
    autocmd BufRead,BufNewFile extensions*.conf,pjsip*.conf,sip.conf,*/asterisk/*.conf setfiletype asterisk
  augroup END
]])

local sipsense -- one server for every buffer
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'sip', 'kamailio', 'opensips', 'asterisk', 'log', 'xml', 'text' },
  callback = function(args)
    sipsense = sipsense or vim.lsp.start_client({
      name = 'sipsense',
      cmd = { 'sipsense-language-server', '--stdio' },
      root_dir = vim.fn.getcwd(),
      -- Neovim's filetype is the LSP language id, but for plain text ("text"; the server says "plaintext").
      get_language_id = function(_, filetype)
        return ({ text = 'plaintext' })[filetype] or filetype
      end,
      settings = { sipSense = { hover = { language = 'en' } } }, -- en, fa or both
      on_init = function(client)
        -- Neovim 0.7 does not offer workspace/configuration: send the settings.
        client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
      end,
    })
    vim.lsp.buf_attach_client(args.buf, sipsense)
  end,
})
