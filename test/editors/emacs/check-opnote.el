;;; check-opnote.el --- OpNote server driven by a real Emacs + eglot, headless  -*- lexical-binding: t -*-
;; Loads the documented setup (opnote-eglot-setup.el) and checks ../fixtures/scenarios.json through
;; eglot and flymake, the way a user's Emacs would.  Run by scripts/editors/test-emacs.sh:
;;   emacs --batch -l check-opnote.el      (no -Q: Debian's site-start puts elpa-eglot on the load path)
;; env: OPNOTE_SERVER, OPNOTE_WORKSPACE (scratch copy of the fixtures), OPNOTE_SCENARIOS,
;;      LSP_TIMEOUT_MS (per step, default 10000).
;; stdout: one JSON object per check; exit 0 when all pass, 1 otherwise.  Never prints note text.
(require 'cl-lib)
(require 'json)
(defvar opnote-check-dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar opnote-check-timeout (/ (string-to-number (or (getenv "LSP_TIMEOUT_MS") "10000")) 1000.0))
(defvar opnote-check-t0 (float-time))
(defvar opnote-check-failed nil)
(defvar opnote-check-servers nil "Every eglot server the checks started, to shut down at the end.")

(defun opnote-check-emit (alist)
  (princ (concat (json-serialize (cons (cons 'ms (round (* 1000 (- (float-time) opnote-check-t0)))) alist)
                                 :null-object nil :false-object :json-false)
                 "\n")))
(defun opnote-check (name ok &optional data)
  (unless ok (setq opnote-check-failed t))
  (opnote-check-emit `((check . ,name) (ok . ,(if ok t :json-false))
                       ,@(when (and data (not ok)) `((data . ,(format "%S" data))))))
  ok)
(defun opnote-check-wait (pred)
  "Pump the event loop until PRED is non-nil or the step time-out passes; return PRED's value."
  (let ((deadline (+ (float-time) opnote-check-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.01))
    (funcall pred)))

;; The server under test, through the documented setup.
(setq opnote-server-command (list "node" (getenv "OPNOTE_SERVER") "--stdio"))
(load (expand-file-name "opnote-eglot-setup.el" opnote-check-dir) nil t)
(require 'eglot)
(defvar opnote-check-scenarios
  (with-temp-buffer
    (insert-file-contents (getenv "OPNOTE_SCENARIOS"))
    (json-parse-buffer :object-type 'plist :array-type 'list)))
(setq-default eglot-workspace-configuration (plist-get opnote-check-scenarios :settings))
(setq eglot-sync-connect t                     ; block until the server is initialized
      eglot-connect-timeout opnote-check-timeout
      eglot-autoreconnect nil
      eglot-events-buffer-size 0
      process-adaptive-read-buffering nil)     ; else ~20 ms extra per round trip on pipes

;; Hard watchdog: run-at-time timers fire inside accept-process-output.
(run-at-time (+ 10 (* 8 opnote-check-timeout)) nil
             (lambda ()
               (opnote-check "watchdog" nil)
               (dolist (s opnote-check-servers) (ignore-errors (delete-process (jsonrpc--process s))))
               (kill-emacs 1)))

(defconst opnote-check-flymake-types
  '(("error" . eglot-error) ("warning" . eglot-warning) ("information" . eglot-note) ("hint" . eglot-note)))

(defun opnote-check--lsp-diag (d) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))
(defun opnote-check--line (pos) (1- (line-number-at-pos pos)))
(defun opnote-check--find (code &optional line)
  "The flymake diagnostic in this buffer with rule CODE (on 0-based LINE when given)."
  (cl-find-if (lambda (d) (and (equal (plist-get (opnote-check--lsp-diag d) :code) code)
                               (or (null line) (= line (opnote-check--line (flymake-diagnostic-beg d))))))
              (flymake-diagnostics)))
(defun opnote-check--summary ()
  (mapcar (lambda (d) (list (plist-get (opnote-check--lsp-diag d) :code)
                            (opnote-check--line (flymake-diagnostic-beg d)) (flymake-diagnostic-type d)))
          (flymake-diagnostics)))
(defun opnote-check--goto (line character)
  (goto-char (point-min)) (forward-line line) (forward-char character))
(defun opnote-check--plain (s)
  "S without markdown emphasis: eglot renders hover markdown when markdown-mode is installed."
  (replace-regexp-in-string "[*`]" "" s))

(cl-defun opnote-check-document (doc)
  (let* ((name (plist-get doc :file))
         (buf (find-file-noselect (expand-file-name name (getenv "OPNOTE_WORKSPACE")))))
    (switch-to-buffer buf)              ; eglot's hover callbacks only fire for a buffer shown in a window
    (with-current-buffer buf
      (opnote-check (format "%s major mode" name)
                    (eq major-mode (intern (concat (plist-get doc :languageId) "-mode"))) major-mode)
      ;; eglot-ensure connects from post-command-hook, which only the command loop runs.
      (run-hooks 'post-command-hook)
      (unless (opnote-check (format "%s managed by eglot" name) (opnote-check-wait #'eglot-managed-p))
        (cl-return-from opnote-check-document))
      (cl-pushnew (eglot-current-server) opnote-check-servers)
      ;; Diagnostics: flymake asks eglot only after (flymake-start) in batch.
      (flymake-start)
      (let ((expected (plist-get doc :diagnostics)))
        (opnote-check-wait (lambda () (cl-every (lambda (e) (opnote-check--find (plist-get e :code) (plist-get e :line))) expected)))
        (dolist (e expected)
          (let ((d (opnote-check--find (plist-get e :code) (plist-get e :line))))
            (opnote-check (format "%s diagnostic %s@%d" name (plist-get e :code) (plist-get e :line))
                          (and d (eq (flymake-diagnostic-type d)
                                     (cdr (assoc (plist-get e :severity) opnote-check-flymake-types))))
                          (opnote-check--summary)))))
      ;; Hover through eglot's eldoc function.
      (dolist (h (plist-get doc :hovers))
        (opnote-check--goto (plist-get h :line) (plist-get h :character))
        (let (text)
          (eglot-hover-eldoc-function (lambda (s &rest _) (setq text (or s 'none))))
          (opnote-check-wait (lambda () text))
          (opnote-check (format "%s hover %d:%d" name (plist-get h :line) (plist-get h :character))
                        (and (stringp text) (string-search (opnote-check--plain (plist-get h :contains))
                                                           (opnote-check--plain (substring-no-properties text))))
                        text)))
      ;; Completion through eglot's completion-at-point function; labels as the server sent them.
      (dolist (c (plist-get doc :completions))
        (opnote-check--goto (plist-get c :line) (plist-get c :character))
        (let* ((capf (eglot-completion-at-point))
               (labels (and capf (mapcar (lambda (p) (plist-get (get-text-property 0 'eglot--lsp-item p) :label))
                                         (all-completions "" (nth 2 capf))))))
          (opnote-check (format "%s completion %d:%d" name (plist-get c :line) (plist-get c :character))
                        (cl-subsetp (plist-get c :includes) labels :test #'equal) labels)))
      ;; Quick fix the way a user picks it: M-x eglot-code-actions offers the titles, the user
      ;; chooses one, eglot applies the edit.
      (let ((fix (plist-get doc :quickFix)))
        (when fix
          (let* ((d (opnote-check--find (plist-get fix :code))) offered)
            (goto-char (flymake-diagnostic-beg d))
            (cl-letf (((symbol-function 'completing-read)
                       (lambda (_prompt items &rest _)
                         (setq offered (mapcar #'car items))
                         (plist-get fix :title))))
              (let ((last-nonmenu-event ?\r)) ; a keyboard event: eglot asks with completing-read, not a popup menu
                (eglot-code-actions (line-beginning-position) (line-end-position) "quickfix" t)))
            (opnote-check (format "%s quickFix applied" name)
                          (save-excursion (opnote-check--goto (plist-get fix :insertedLine) 0)
                                          (equal (buffer-substring-no-properties (point) (line-end-position))
                                                 (plist-get fix :insertedText)))
                          offered)
            ;; didChange is sent from an idle timer, which never fires in batch: send it now.
            (eglot--signal-textDocument/didChange)
            (opnote-check (format "%s quickFix silences %s" name (plist-get fix :code))
                          (opnote-check-wait (lambda () (not (opnote-check--find (plist-get fix :code)))))
                          (opnote-check--summary)))))
      ;; didChange round trip: a typed line comes back as a diagnostic on that line.  (Checking that
      ;; a diagnostic disappears proves less: flymake's overlay evaporates with replaced text.)
      (let ((change (plist-get doc :didChange)))
        (when change
          (goto-char (point-max))
          (unless (bolp) (insert "\n"))
          (let ((line (opnote-check--line (point))))
            (insert (plist-get change :appendLine) "\n")
            (eglot--signal-textDocument/didChange)
            (opnote-check (format "%s didChange %s@%d" name (plist-get change :code) line)
                          (opnote-check-wait (lambda () (opnote-check--find (plist-get change :code) line)))
                          (opnote-check--summary)))))
      ;; The claim follows its note's unsaved edits: one server serves both buffers (the setup's
      ;; shared entry), so an edit of the note buffer re-checks the open claim.
      (let ((follows (plist-get doc :followsNote)) edited)
        (when follows
          (let ((note (find-buffer-visiting (expand-file-name (plist-get follows :note) (getenv "OPNOTE_WORKSPACE")))))
            (when note
              (with-current-buffer note
                (goto-char (point-min))
                (when (let ((case-fold-search nil)) (search-forward (plist-get follows :replace) nil t))
                  (replace-match (plist-get follows :with) t t)
                  (setq edited t)
                  (eglot--signal-textDocument/didChange)))))
          (when (opnote-check (format "%s follows %s" name (plist-get follows :note)) edited "note buffer or text not found")
            (opnote-check (format "%s followsNote %s@%d" name (plist-get follows :code) (plist-get follows :line))
                          (opnote-check-wait (lambda () (opnote-check--find (plist-get follows :code) (plist-get follows :line))))
                          (opnote-check--summary)))))
      (set-buffer-modified-p nil))))

(defun opnote-check-shutdown (server)
  "Shutdown + exit by hand: `eglot-shutdown' SIGKILLs the process right after exit, losing its code."
  (let ((proc (jsonrpc--process server)))
    (setf (eglot--shutdown-requested server) t)
    (jsonrpc-request server :shutdown nil :timeout opnote-check-timeout)
    (jsonrpc-notify server :exit nil)
    (opnote-check (format "server for %s exit code 0" (car (eglot--major-modes server)))
                  (and (opnote-check-wait (lambda () (not (process-live-p proc))))
                       (eq (process-status proc) 'exit)
                       (eql (process-exit-status proc) 0))
                  (list (process-status proc) (process-exit-status proc)))))

(condition-case err
    (progn
      (dolist (doc (plist-get opnote-check-scenarios :documents))
        (opnote-check-document doc))
      (dolist (server (reverse opnote-check-servers))
        (opnote-check-shutdown server)))
  (error (opnote-check "elisp error" nil err)))
;; Never leave a server behind, whatever failed above.
(dolist (server opnote-check-servers)
  (let ((proc (jsonrpc--process server)))
    (when (process-live-p proc) (delete-process proc))))
(opnote-check-emit `((done . t) (ok . ,(if opnote-check-failed :json-false t))))
(kill-emacs (if opnote-check-failed 1 0))
