/**
 * Reset throws a reader's edit away; this keeps it one press away. After Reset an "Undo reset"
 * button appears and takes the focus (Reset itself has just become disabled, so the focus would
 * otherwise fall to the page). Undo puts the edit back as if typed and hands the focus to Reset.
 * The offer ends when the reader edits the code again.
 */
export class ResetUndo {
  private offered: { edit: string; restore: (code: string) => void } | undefined;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly resetButton: HTMLButtonElement,
  ) {
    button.addEventListener('click', () => this.undo());
  }

  /**
   * After a Reset that replaced `edit` on one side of the cell; `restore` puts it back there.
   * Nothing is offered when the code was the original already. `focus` when the reader pressed
   * Reset itself (a control elsewhere that resets the cell keeps its own focus).
   */
  offer(edit: string, original: string, restore: (code: string) => void, focus: boolean): void {
    if (edit === original) return;
    this.offered = { edit, restore };
    this.button.hidden = false;
    if (focus) this.button.focus();
  }

  dismiss(): void {
    if (!this.offered) return;
    this.offered = undefined;
    if (document.activeElement === this.button) this.resetButton.focus();
    this.button.hidden = true;
  }

  private undo(): void {
    const offered = this.offered;
    if (!offered) return;
    this.dismiss();
    offered.restore(offered.edit);
    this.resetButton.focus();
  }
}
