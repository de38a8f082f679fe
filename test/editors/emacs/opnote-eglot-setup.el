;;; opnote-eglot-setup.el --- OpNote with eglot (Emacs 28 + elpa-eglot 1.9, and later)  -*- lexical-binding: t -*-
;; The README's snippet; CI loads this exact file.  Set `opnote-server-command' first if
;; `opnote-language-server' is not on PATH, e.g. '("node" "/path/to/opnote/dist/server.js" "--stdio").

(defvar opnote-server-command '("opnote-language-server" "--stdio")
  "How to start the OpNote language server over stdio.")

;; The server tells notes from claims by the file extension (.opnote, .claim), so one server can serve
;; both modes whatever languageId eglot sends.
(define-derived-mode opnote-mode text-mode "OpNote" "Operative notes, checked by OpNote.")
(define-derived-mode claim-mode text-mode "Claim" "Claim drafts, checked by OpNote.")
(add-to-list 'auto-mode-alist '("\\.opnote\\'" . opnote-mode))
(add-to-list 'auto-mode-alist '("\\.claim\\'" . claim-mode))

(with-eval-after-load 'eglot
  ;; One server for both modes, so that a claim follows unsaved edits of its note.  (eglot 1.9 then
  ;; sends one languageId for every buffer; the server goes by the file extension instead.)
  (add-to-list 'eglot-server-programs `((opnote-mode claim-mode) . ,opnote-server-command)))

(add-hook 'opnote-mode-hook #'eglot-ensure)
(add-hook 'claim-mode-hook #'eglot-ensure)

;; Optional: severities and check delay, as in VS Code's opnote.* settings.
;; (setq-default eglot-workspace-configuration
;;               '(:opnote (:rules (:header-unknown-key "warning") :validation (:delay 200))))

(provide 'opnote-eglot-setup)
;;; opnote-eglot-setup.el ends here
