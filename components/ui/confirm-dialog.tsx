'use client';
/**
 * Asks before something that cannot be undone from here runs: it shows the exact statement and
 * defaults to not running it. A modal alert dialog on Radix (shadcn/ui's AlertDialog): the focus
 * starts on the refusal and stays inside until an answer, Escape refuses, and the focus goes back to
 * where it was once the dialog is gone.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from './alert-dialog';
import { Button } from './button';

export function ConfirmDialog({
  title,
  statement,
  children,
  confirmLabel = 'Run it',
  cancelLabel = "Don't run",
  busy = false,
  onAnswer,
}: {
  title: ReactNode;
  statement: string;
  /** Why it deserves a second look. */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** The confirmed work is under way: the choice is made. */
  busy?: boolean;
  onAnswer(yes: boolean): void;
}) {
  // The pages remove the dialog rather than close it, so Radix never gets to hand the focus back:
  // whoever had it when the dialog was asked for (the button that opened it) gets it back here.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  useEffect(
    () => () => {
      // After Radix's own unmount work, which may move the focus to the body first.
      setTimeout(() => {
        const gone = !document.activeElement || document.activeElement === document.body;
        if (gone && opener instanceof HTMLElement && opener.isConnected) opener.focus();
      }, 0);
    },
    [opener],
  );
  return (
    // Shown while the caller renders it; a refusal (the cancel button, Escape) arrives as a close.
    <AlertDialog
      open
      onOpenChange={(open) => {
        if (!open && !busy) onAnswer(false);
      }}
    >
      <AlertDialogContent data-testid="confirm-dialog" className="sm:max-w-2xl">
        <AlertDialogHeader>
          <AlertDialogTitle className="text-base">{title}</AlertDialogTitle>
        </AlertDialogHeader>
        <AlertDialogDescription asChild>
          <div className="space-y-2 text-sm text-foreground [&_p]:my-1">
            {children}
            <pre className="mono max-h-48 overflow-auto rounded-md bg-muted p-2 whitespace-pre-wrap">{statement}</pre>
          </div>
        </AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy} data-testid="confirm-no">
            {cancelLabel}
          </AlertDialogCancel>
          <Button variant="destructive" disabled={busy} onClick={() => onAnswer(true)} data-testid="confirm-yes">
            {busy ? 'Running…' : confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
