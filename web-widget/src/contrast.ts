/** The colour used when a tenant's colour is missing, unreadable or too light: 7.1:1 against white. */
export const defaultPrimary = '#00607a';

/** Parses #rgb or #rrggbb (the only forms the widget accepts) into 0–255 channels; null otherwise. */
export function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.1 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The tenant's colour when white text on it meets WCAG AA for normal text (4.5:1), else the
 * safe default: the widget puts 16 px white text on this colour.
 */
export function safePrimary(color: string | undefined): { color: string; adjusted: boolean } {
  const rgb = color ? parseHex(color) : null;
  if (rgb && contrastRatio(rgb, [255, 255, 255]) >= 4.5) return { color: color!.trim().toLowerCase(), adjusted: false };
  return { color: defaultPrimary, adjusted: color !== undefined };
}
