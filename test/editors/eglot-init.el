;;; eglot-init.el --- SIP Sense in Emacs with Eglot (the README's snippet)  -*- lexical-binding: t -*-
;; The Emacs test loads exactly this file, as an init file would.

;; Modes for the files SIP Sense serves (plain text, logs and XML keep theirs).
(define-derived-mode sip-mode text-mode "SIP")
(define-derived-mode kamailio-mode prog-mode "Kamailio" (setq-local comment-start "# "))
(define-derived-mode opensips-mode prog-mode "OpenSIPS" (setq-local comment-start "# "))
(define-derived-mode asterisk-mode conf-mode "Asterisk")
(add-to-list 'auto-mode-alist '("\\.sip\\'" . sip-mode))
(add-to-list 'auto-mode-alist '("kamailio[^/]*\\.cfg\\'" . kamailio-mode))
(add-to-list 'auto-mode-alist '("opensips[^/]*\\.cfg\\'" . opensips-mode))
(add-to-list 'auto-mode-alist '("/\\(extensions\\|pjsip\\)[^/]*\\.conf\\'" . asterisk-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((sip-mode kamailio-mode opensips-mode asterisk-mode
                  (text-mode :language-id "plaintext") (nxml-mode :language-id "xml"))
                 . ("sipsense-language-server" "--stdio")))
  ;; Settings, as VS Code's sipSense.* (hover.language: en, fa or both).
  (setq-default eglot-workspace-configuration
                '(:sipSense (:hover (:language "en")))))

;; Start it by itself in these modes (M-x eglot in any other text buffer).
(dolist (hook '(sip-mode-hook kamailio-mode-hook opensips-mode-hook asterisk-mode-hook))
  (add-hook hook #'eglot-ensure))
