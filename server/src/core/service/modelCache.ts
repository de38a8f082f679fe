/** A small LRU keyed by document URI; an entry is valid only for the exact version and text it was made from. */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; text: string; value: T }>();

  constructor(private readonly capacity: number) {}

  get(uri: string, version: number, text: string): T | undefined {
    const entry = this.entries.get(uri);
    if (!entry || entry.version !== version || entry.text !== text) return undefined;
    this.entries.delete(uri);
    this.entries.set(uri, entry);
    return entry.value;
  }

  set(uri: string, version: number, text: string, value: T): void {
    this.entries.delete(uri);
    this.entries.set(uri, { version, text, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
