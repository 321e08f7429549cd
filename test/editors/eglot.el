;;; eglot.el --- The Emacs test's driver, in batch mode  -*- lexical-binding: t -*-
;;
;; Loaded after eglot-init.el (the README's snippet): opens a trace, starts Eglot as M-x eglot
;; would, waits for Flymake's diagnostics, asks for hovers, changes a setting, asks again.
;; Environment: SIPSENSE_FILE, SIPSENSE_OUT (JSON results), SIPSENSE_HOVERS ("line:character;..." 0-based).
;; Run as: emacs -Q --batch -l eglot.el  (-Q leaves Debian's elpa folder out: it is added here).

(require 'package)
(setq package-user-dir (expand-file-name "elpa" (getenv "HOME"))
      package-directory-list '("/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(load (expand-file-name "eglot-init.el" (file-name-directory load-file-name)) nil t)
(require 'eglot)
(require 'json)
(require 'subr-x)

(defvar sipsense-results nil)

(defun sipsense-finish (code)
  (with-temp-file (getenv "SIPSENSE_OUT")
    (insert (json-encode sipsense-results)))
  (kill-emacs code))

(defun sipsense-line-col (pos)
  (save-excursion
    (goto-char pos)
    (list (1- (line-number-at-pos)) (current-column))))

(defun sipsense-hovers (server)
  (vconcat
   (mapcar
    (lambda (spec)
      (let* ((parts (split-string spec ":"))
             (hover (jsonrpc-request
                     server :textDocument/hover
                     (list :textDocument (eglot--TextDocumentIdentifier)
                           :position (list :line (string-to-number (car parts))
                                           :character (string-to-number (cadr parts)))))))
        `((at . ,spec)
          (value . ,(and hover (plist-get (plist-get hover :contents) :value)))
          (range . ,(and hover (plist-get hover :range))))))
    (split-string (or (getenv "SIPSENSE_HOVERS") "") ";" t))))

(condition-case err
    (progn
      (setq eglot-sync-connect t)
      (find-file (getenv "SIPSENSE_FILE"))
      (push (cons 'mode (symbol-name major-mode)) sipsense-results)
      ;; M-x eglot, without its prompt.
      (apply #'eglot (eglot--guess-contact))
      (let ((server (eglot-current-server)))
        (unless server (error "Eglot did not connect"))
        (push (cons 'server (plist-get (eglot--server-info server) :name)) sipsense-results)
        (push (cons 'languageId (eglot--language-id server)) sipsense-results)
        ;; Flymake starts after a command; batch mode runs none, so start it as that would.
        (let ((deadline (+ (float-time) 20)))
          (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
            (flymake-start)
            (accept-process-output nil 0.2)))
        (push (cons 'diagnostics
                    (vconcat
                     (mapcar
                      (lambda (d)
                        (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))))
                          `((start . ,(sipsense-line-col (flymake-diagnostic-beg d)))
                            (end . ,(sipsense-line-col (flymake-diagnostic-end d)))
                            (type . ,(symbol-name (flymake-diagnostic-type d)))
                            (text . ,(flymake-diagnostic-text d))
                            (code . ,(plist-get lsp :code))
                            (tags . ,(plist-get lsp :tags)))))
                      (flymake-diagnostics))))
              sipsense-results)
        (push (cons 'hovers (sipsense-hovers server)) sipsense-results)
        ;; A settings change while the server runs, as a user would make it.
        (setq-default eglot-workspace-configuration '(:sipSense (:hover (:language "fa"))))
        (eglot-signal-didChangeConfiguration server)
        (push (cons 'hovers_fa (sipsense-hovers server)) sipsense-results)
        (eglot-shutdown server))
      (sipsense-finish 0))
  (error
   (push (cons 'error (error-message-string err)) sipsense-results)
   (sipsense-finish 3)))
