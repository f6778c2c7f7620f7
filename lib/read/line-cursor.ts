/**
 * Reads a text line by line from a position, so a header can be taken off the front
 * without splitting a large body into lines.
 */
export class LineCursor {
  constructor(
    readonly text: string,
    public position = 0,
  ) {}

  get atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** The line at the cursor, without its `\n`; the cursor does not move. */
  peek(): string {
    const end = this.text.indexOf('\n', this.position);
    return this.text.slice(this.position, end === -1 ? this.text.length : end);
  }

  /** The line at the cursor; the cursor moves past it. */
  next(): string {
    const line = this.peek();
    this.position = Math.min(this.text.length, this.position + line.length + 1);
    return line;
  }

  /** Moves past lines holding only whitespace. */
  skipBlank(): this {
    while (!this.atEnd && this.peek().trim() === '') this.next();
    return this;
  }

  /** Everything from the cursor on. */
  rest(): string {
    return this.text.slice(this.position);
  }
}
