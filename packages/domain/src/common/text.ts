/** A label or message in both languages the platform speaks (Chinese UI by default). */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}
