const PLACEHOLDER = '\u0000items\u0000';

/**
 * `JSON.stringify(value, null, 2)` written in parts, for a document with one long array: `items` is
 * where the array goes in `value`; the array's items are written one by one with `item`, so the
 * document is the same byte for byte as if it had been stringified at once.
 */
export class PrettyArray {
  private readonly indent: string;
  private count = 0;

  constructor(private readonly template: (items: string) => unknown) {
    const text = this.stringify();
    const at = text.indexOf(JSON.stringify(PLACEHOLDER));
    this.indent = /^ */.exec(text.slice(text.lastIndexOf('\n', at) + 1))![0];
  }

  private stringify(): string {
    return JSON.stringify(this.template(PLACEHOLDER), null, 2);
  }

  /** The text up to the array's `[`. */
  begin(): string {
    const text = this.stringify();
    return `${text.slice(0, text.indexOf(JSON.stringify(PLACEHOLDER)))}[`;
  }

  item(value: unknown): string {
    const inner = `${this.indent}  `;
    return `${this.count++ === 0 ? '' : ','}\n${inner}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${inner}`)}`;
  }

  /** The array's `]` and the rest of the document; `template` is asked again, so what follows the array may depend on its items. */
  end(): string {
    const text = this.stringify();
    const marker = JSON.stringify(PLACEHOLDER);
    return `${this.count === 0 ? '' : `\n${this.indent}`}]${text.slice(text.indexOf(marker) + marker.length)}\n`;
  }
}
