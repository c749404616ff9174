;;; drive.el --- End-to-end test of whosaid in real Emacs (30, eglot)  -*- lexical-binding: t -*-
;;
;;   WHOSAID_BIN=target/release/whosaid emacs --batch -Q -l tests/e2e/emacs/drive.el
;;
;; Evaluates the Emacs snippet from docs/editors.md exactly as a user would paste it into their
;; init file, visits the fixture article and checks what a reporter sees through eglot: Flymake
;; diagnostics (codes and exact regions), the hover on a quote, the inlay hints naming speakers,
;; a setting passed through `eglot-workspace-configuration', and diagnostics that follow an edit.
;; Batch Emacs has no command loop and no redisplay, so the drive runs `post-command-hook' once
;; (where `eglot-ensure' connects), starts Flymake, and asks for inlay hints over the whole
;; buffer (what jit-lock does for the visible part of a window).  Exits 1 on the first mismatch.

(require 'cl-lib)
(require 'subr-x)

(defvar whosaid-e2e-root
  (file-name-as-directory (expand-file-name "../../.." (file-name-directory load-file-name))))
(defvar whosaid-e2e-bin
  (expand-file-name (or (getenv "WHOSAID_BIN") "target/release/whosaid") whosaid-e2e-root))
(defvar whosaid-e2e-fixture
  (expand-file-name "tests/e2e/fixtures/article.txt" whosaid-e2e-root))
(defvar whosaid-e2e-wait
  (/ (string-to-number (or (getenv "WHOSAID_E2E_WAIT_MS") "20000")) 1000.0))
(defvar whosaid-e2e-passed 0)

(defun whosaid-e2e-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun whosaid-e2e-fail (fmt &rest args)
  (whosaid-e2e-out "emacs-e2e: FAIL: %s" (apply #'format fmt args))
  (whosaid-e2e-out "emacs-e2e: %d passed, 1 failed" whosaid-e2e-passed)
  (kill-emacs 1))

(defun whosaid-e2e-ok (what)
  (setq whosaid-e2e-passed (1+ whosaid-e2e-passed))
  (whosaid-e2e-out "ok %d - %s" whosaid-e2e-passed what))

(defmacro whosaid-e2e-check (cond fmt &rest args)
  `(unless ,cond (whosaid-e2e-fail ,fmt ,@args)))

(defun whosaid-e2e-wait-for (pred what)
  "Process server output until PRED returns non-nil; fail after the wait limit."
  (let ((deadline (+ (float-time) whosaid-e2e-wait)) result)
    (while (and (not (setq result (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or result (whosaid-e2e-fail "timed out waiting for %s" what))))

;; Errors anywhere end the run with a message instead of a backtrace or a hang.
(setq debug-on-error nil)
(run-at-time (* 4 whosaid-e2e-wait) nil
             (lambda () (whosaid-e2e-fail "the test did not finish within %ss" (* 4 whosaid-e2e-wait))))

(whosaid-e2e-check (>= emacs-major-version 29) "needs Emacs 29 or newer (eglot), this is %s" emacs-version)
(whosaid-e2e-check (file-executable-p whosaid-e2e-bin)
                   "server binary not found or not executable: %s (run cargo build --release)" whosaid-e2e-bin)
(whosaid-e2e-out "emacs-e2e: Emacs %s, server %s" emacs-version whosaid-e2e-bin)

;; `whosaid' on PATH, as the snippet expects.
(let ((dir (file-name-directory whosaid-e2e-bin)))
  (setenv "PATH" (concat dir path-separator (getenv "PATH")))
  (push dir exec-path))

;; The snippet from docs/editors.md, evaluated as written.
(defun whosaid-e2e-doc-snippet ()
  (with-temp-buffer
    (insert-file-contents (expand-file-name "docs/editors.md" whosaid-e2e-root))
    (goto-char (point-min))
    (unless (re-search-forward "^## Emacs" nil t) (whosaid-e2e-fail "docs/editors.md has no Emacs section"))
    (unless (re-search-forward "^```elisp\n" nil t) (whosaid-e2e-fail "the Emacs section has no elisp block"))
    (let ((start (point)))
      (re-search-forward "^```$")
      (buffer-substring-no-properties start (match-beginning 0)))))
(let ((snippet (whosaid-e2e-doc-snippet)))
  (whosaid-e2e-out "snippet from docs/editors.md:\n%s" snippet)
  (with-temp-buffer
    (insert snippet)
    (eval-buffer)))
;; A setting, to prove the editor's settings reach the server.
(setq-default eglot-workspace-configuration '(:whosaid (:rules (:loaded-verb "hint"))))
(require 'eglot)
(require 'flymake)

;; A copy of the fixture in a temporary folder (so no project of ours is picked up).
(defvar whosaid-e2e-dir (make-temp-file "whosaid-emacs-" t))
(defvar whosaid-e2e-file (expand-file-name "article.txt" whosaid-e2e-dir))
(copy-file whosaid-e2e-fixture whosaid-e2e-file t)
(find-file whosaid-e2e-file)
(whosaid-e2e-check (derived-mode-p 'text-mode) "the article opened in %s, not a text mode" major-mode)
;; What the command loop would do after visiting the file.
(run-hooks 'post-command-hook)
(whosaid-e2e-wait-for (lambda () (bound-and-true-p eglot--managed-mode)) "eglot to manage the article")
(whosaid-e2e-check (string-match-p "whosaid" (format "%s" (process-command (jsonrpc--process (eglot-current-server)))))
                   "eglot started something else: %S" (process-command (jsonrpc--process (eglot-current-server))))
(whosaid-e2e-ok "the docs/editors.md snippet makes eglot start whosaid for a text article")

(flymake-start)
(defun whosaid-e2e-diags ()
  (mapcar (lambda (d)
            (let ((text (flymake-diagnostic-text d)))
              (list :code (and (string-match "\\[\\([a-z-]+\\)\\]" text) (match-string 1 text))
                    :type (flymake-diagnostic-type d)
                    :text (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                    :message text)))
          (flymake-diagnostics)))
(defun whosaid-e2e-find (code text)
  (cl-find-if (lambda (d) (and (equal (plist-get d :code) code) (equal (plist-get d :text) text)))
              (whosaid-e2e-diags)))
(defun whosaid-e2e-dump ()
  (mapconcat (lambda (d) (format "  %s %s %S" (plist-get d :code) (plist-get d :type) (plist-get d :text)))
             (whosaid-e2e-diags) "\n"))

(whosaid-e2e-wait-for (lambda () (whosaid-e2e-diags)) "the first diagnostics")
(whosaid-e2e-wait-for (lambda () (eq (plist-get (whosaid-e2e-find "loaded-verb" "admitted") :type) 'eglot-note))
                      "loaded-verb as a hint (the eglot-workspace-configuration setting)")
(whosaid-e2e-out "diagnostics:\n%s" (whosaid-e2e-dump))

(defconst whosaid-e2e-detour "\"The detour is a disaster for everyone on the east bank.\"")
(whosaid-e2e-check (eq (plist-get (whosaid-e2e-find "unattributed-quote" whosaid-e2e-detour) :type) 'eglot-error)
                   "expected an error on exactly the quote nobody said:\n%s" (whosaid-e2e-dump))
(whosaid-e2e-ok "unattributed-quote marks exactly the quote nobody said, as an error")
(whosaid-e2e-check (whosaid-e2e-find "agentless-passive" "is widely seen as")
                   "expected agentless-passive on \"is widely seen as\":\n%s" (whosaid-e2e-dump))
(whosaid-e2e-ok "agentless-passive marks \"is widely seen as\"; loaded-verb is a hint, as configured")
(whosaid-e2e-check (= 1 (cl-count "unattributed-quote" (whosaid-e2e-diags) :key (lambda (d) (plist-get d :code)) :test #'equal))
                   "attributed quotes are flagged too:\n%s" (whosaid-e2e-dump))
(whosaid-e2e-ok "attributed quotes (named, pronoun, after the quote) are not flagged")

;; Hover, through eglot's own eldoc function.
(defun whosaid-e2e-hover (needle)
  (goto-char (point-min))
  (search-forward needle)
  (goto-char (+ (match-beginning 0) 3))
  (let (doc)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (or info ""))))
    (whosaid-e2e-wait-for (lambda () doc) (format "the hover at %S" needle))
    (substring-no-properties doc)))
(let ((h (whosaid-e2e-hover "\"We cannot keep sending")))
  (whosaid-e2e-out "hover: %s" h)
  (whosaid-e2e-check (and (string-match-p "Vasquez" h) (string-match-p "said" h))
                     "the hover over the first quote does not name Vasquez and the cue: %s" h))
(let ((h (whosaid-e2e-hover "\"This will cut")))
  (whosaid-e2e-check (string-match-p "Brennan" h) "the hover over the \"he said\" quote does not name Brennan: %s" h))
(let ((h (whosaid-e2e-hover "admitted")))
  (whosaid-e2e-check (string-match-p "lets the reader judge" h) "the hover over a finding lacks the rule's explanation: %s" h))
(whosaid-e2e-ok "hover names the speaker and the cue, and explains a finding's rule")

;; Inlay hints: on by default in eglot when the server offers them.
(whosaid-e2e-check (bound-and-true-p eglot-inlay-hints-mode) "eglot-inlay-hints-mode is off")
(defun whosaid-e2e-hints ()
  (let (out)
    (dolist (ov (overlays-in (point-min) (point-max)))
      (when (overlay-get ov 'eglot--inlay-hint)
        (push (cons (string-trim (substring-no-properties
                                  (or (overlay-get ov 'after-string) (overlay-get ov 'before-string) "")))
                    (overlay-end ov))
              out)))
    (sort out (lambda (a b) (< (cdr a) (cdr b))))))
(defun whosaid-e2e-hint-after (labels quote)
  "A hint with one of LABELS right after the closing mark of QUOTE."
  (save-excursion
    (goto-char (point-min))
    (when (search-forward quote nil t)
      (cl-find-if (lambda (h) (and (member (car h) labels) (= (cdr h) (point)))) (whosaid-e2e-hints)))))
(defun whosaid-e2e-refresh-hints ()
  (eglot--update-hints-1 (point-min) (point-max)))
(whosaid-e2e-refresh-hints)
(whosaid-e2e-wait-for (lambda () (>= (length (whosaid-e2e-hints)) 4)) "at least 4 inlay hints")
(whosaid-e2e-out "inlay hints: %S" (whosaid-e2e-hints))
(whosaid-e2e-check (whosaid-e2e-hint-after '("— Vasquez") "\"We cannot keep sending school buses over a bridge that is failing,\"")
                   "no \"— Vasquez\" after the first quote: %S" (whosaid-e2e-hints))
(whosaid-e2e-check (whosaid-e2e-hint-after '("— Brennan" "he → Brennan") "\"This will cut my business in half,\"")
                   "no Brennan hint after the \"he said\" quote: %S" (whosaid-e2e-hints))
(whosaid-e2e-check (whosaid-e2e-hint-after '("— ?") whosaid-e2e-detour)
                   "no \"— ?\" after the unattributed quote: %S" (whosaid-e2e-hints))
(whosaid-e2e-ok "inlay hints name the speakers after their quotes, \"— ?\" for none")

;; An edit: drop the attribution from the first quote; diagnostics and hints follow.
(goto-char (point-min))
(whosaid-e2e-check (search-forward ",\" said Mayor Elena Vasquez, who proposed the closure." nil t)
                   "the attribution is not in the fixture")
(replace-match ".\"" t t)
;; Eglot sends the change from an idle timer, and Flymake asks again from another: batch Emacs is
;; never idle, so do what those timers do.
(eglot--signal-textDocument/didChange)
(defconst whosaid-e2e-edited "\"We cannot keep sending school buses over a bridge that is failing.\"")
(whosaid-e2e-wait-for (lambda () (flymake-start) (whosaid-e2e-find "unattributed-quote" whosaid-e2e-edited))
                      "an unattributed-quote on the quote whose attribution was removed")
(whosaid-e2e-check (whosaid-e2e-find "unattributed-quote" whosaid-e2e-detour) "the detour quote lost its diagnostic")
(whosaid-e2e-ok "removing an attribution makes an unattributed-quote appear")
(whosaid-e2e-wait-for (lambda () (whosaid-e2e-refresh-hints) (accept-process-output nil 0.2)
                        (whosaid-e2e-hint-after '("— ?") whosaid-e2e-edited))
                      "a \"— ?\" hint after the edited quote")
(whosaid-e2e-ok "the inlay hint follows the edit")

;; Shut down cleanly.
(let ((server (eglot-current-server)))
  (set-buffer-modified-p nil)
  (eglot-shutdown server)
  (whosaid-e2e-check (not (jsonrpc-running-p server)) "the server is still running after eglot-shutdown"))
(whosaid-e2e-ok "the server shut down")
(delete-directory whosaid-e2e-dir t)
(whosaid-e2e-out "emacs-e2e: %d passed, 0 failed" whosaid-e2e-passed)
(kill-emacs 0)
