;;; diagnostics.el --- headless Emacs + eglot as an LSP client of the okr language server  -*- lexical-binding: t -*-
;;
;; The client set-up is NOT here: test/lsp/emacs.test.ts takes it verbatim from the README (the
;; snippet a user puts in init.el) and passes it in OKR_INIT. This script plays Emacs's start-up and
;; the user: it activates the installed packages (an interactive Emacs does that before init.el;
;; --batch does not), loads the snippet, visits one .okr file, lets the command loop's
;; post-command-hook run once (eglot-ensure connects there, and --batch has no command loop), waits
;; (bounded) for Flymake to hold the server's diagnostics, prints JSON lines on stdout and exits:
;;   {"mode": "...", "managed": true, "server": "..."} first, then {"diagnostic": {...}} per
;;   diagnostic, then {"warnings": "<the *Warnings* buffer>"} and {"done": true, "count": N},
;;   or {"error": "..."} with exit code 1.
;; Inputs come from the environment: OKR_INIT, OKR_FILE, OKR_TIMEOUT_MS, and OKR_WAIT_FOR: a regexp
;; that one diagnostic's "<type> <text>" must match before it stops waiting (default: any diagnostic;
;; the server may publish once before it has the settings and again after).

(require 'json)
(require 'package)
(require 'flymake)
(require 'seq)
(require 'subr-x)

(defun okr-test-out (obj)
  (princ (concat (json-encode obj) "\n")))

(defun okr-test-fail (why)
  (okr-test-out `((error . ,why)))
  (kill-emacs 1))

(let ((init (or (getenv "OKR_INIT") (okr-test-fail "OKR_INIT: the README's eglot snippet")))
      (file (or (getenv "OKR_FILE") (okr-test-fail "OKR_FILE: the .okr file to open")))
      (timeout (/ (string-to-number (or (getenv "OKR_TIMEOUT_MS") "10000")) 1000.0))
      (wait-for (or (getenv "OKR_WAIT_FOR") "")))
  (package-activate-all)
  (load init nil t)
  (find-file file)
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) timeout)))
    ;; Flymake asks its backends after a command or when idle; --batch has neither, so start it
    ;; while waiting. Diagnostics arrive as the server's output is read.
    (while (and (< (float-time) deadline)
                (not (and (bound-and-true-p eglot--managed-mode)
                          (seq-some (lambda (d)
                                      (string-match-p wait-for (format "%s %s" (flymake-diagnostic-type d)
                                                                       (flymake-diagnostic-text d))))
                                    (flymake-diagnostics)))))
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.05)))
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server)))
        (diagnostics (flymake-diagnostics)))
    (okr-test-out `((mode . ,(symbol-name major-mode))
                    (managed . ,(if (bound-and-true-p eglot--managed-mode) t :json-false))
                    (server . ,(if server (jsonrpc-name server) :json-null))))
    (unless server (okr-test-fail (format "no eglot server manages %s (major mode %s)" file major-mode)))
    (unless diagnostics (okr-test-fail (format "no diagnostics within %s s" timeout)))
    (unless (string-empty-p wait-for)
      (unless (seq-some (lambda (d) (string-match-p wait-for (format "%s %s" (flymake-diagnostic-type d) (flymake-diagnostic-text d))))
                        diagnostics)
        (okr-test-fail (format "no diagnostic matching %S within %s s: %S" wait-for timeout
                               (mapcar #'flymake-diagnostic-text diagnostics)))))
    (dolist (d diagnostics)
      (okr-test-out
       `((diagnostic . ((type . ,(symbol-name (flymake-diagnostic-type d)))
                        (line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
                        (text . ,(flymake-diagnostic-text d)))))))
    (okr-test-out `((warnings . ,(if (get-buffer "*Warnings*")
                                     (with-current-buffer "*Warnings*" (buffer-string))
                                   ""))))
    (okr-test-out `((done . t) (count . ,(length diagnostics))))
    (let ((eglot-autoshutdown nil)) (eglot-shutdown server))
    (kill-emacs 0)))
