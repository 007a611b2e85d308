/**
 * Pure prompt building for the Gemini provider: which items go into which model call,
 * the words of each call, and the per-photo policy. No I/O, so wording and numbering
 * are testable on their own and stay identical across retries (the cache hash relies
 * on the same inputs always meaning the same picture).
 */
import * as z from 'zod/mini';
import { batchSwatches, MAX_SWATCHES_PER_PASS } from '../domain/generation';
import { POLICY_MAX_CHARS, POLICY_MAX_RULES } from '../domain/photo-policy';
import type { PhotoSurface } from '../domain/surfaces';
import type { GenerationItem } from './provider';

/**
 * Wraps every edit call. Image models asked to "use these swatches" like to return a mood
 * board or the photo with the samples pasted next to it; these lines pin the output to
 * an in-place edit of the one room photo.
 */
export const ANTI_COLLAGE_PREAMBLE = [
  'You are retouching a real photograph of a room, not designing a new image.',
  'The first image is the room photo to edit. Every later image is a material swatch: a flat reference sample of a finish, never part of the scene.',
  'Return exactly one photorealistic image: the same room photo, from the same camera position, lens, height, framing and perspective, under the same lighting.',
  'Walls, windows, doors, ceiling, openings, cabinetry layout, fixtures, furniture and every other piece of geometry stay exactly where they are, at the same size. Add, remove or move nothing.',
  'Re-finish only the surfaces listed below: give each the colour, pattern and texture of its swatch, at a realistic real-world scale, following the perspective, lighting, shadows and reflections of the photo.',
  'Never make a collage, grid, split screen, side-by-side, before-and-after or sample board. Never paste, inset or frame a swatch image in the picture. No text, labels, borders or watermarks.',
  'Everything not listed stays exactly as it is in the room photo.',
].join('\n');

/** Caps admin-entered text so one odd descriptor cannot swamp or break the line structure. */
const MAX_FIELD_CHARS = 240;

function oneLine(text: string, max = MAX_FIELD_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

// ---------------------------------------------------------------------------------------
// Policy

/**
 * The Gemini part of a step photo's policy (internal, set by staff per photo; part of the
 * cache hash). Unknown keys are ignored so other providers can keep their own settings in
 * the same object.
 *
 * ```json
 * {
 *   "rules": ["The range stays a slide-in range between the two base cabinets."],
 *   "secondPass": { "instructions": "Make the range front flush with the counter, nothing else." },
 *   "startFromComposite": true
 * }
 * ```
 * - `rules`: extra constraints for this photo, added to every edit call after the global preamble.
 * - `secondPass.instructions`: one more call on the finished image with only these instructions
 *   (a correction the model reliably gets wrong in the first pass).
 * - `startFromComposite`: the first call edits the compositor's output instead of the bare photo,
 *   so the model refines finishes already painted in the right places and has less reason to
 *   move walls or windows. Worth it on photos whose surfaces are traced carefully.
 */
export interface GeminiPolicy {
  rules: string[];
  secondPass: { instructions: string } | null;
  startFromComposite: boolean;
}

const nonEmpty = z.string().check(z.trim(), z.minLength(1), z.maxLength(POLICY_MAX_CHARS));
/** The policy's fields, shared with the admin route that stores them (strictly, so a typo is a 400). */
export const geminiPolicyFields = {
  rules: z.optional(z.array(nonEmpty).check(z.maxLength(POLICY_MAX_RULES))),
  secondPass: z.optional(z.nullable(z.strictObject({ instructions: nonEmpty }))),
  startFromComposite: z.optional(z.boolean()),
};
const policySchema = z.looseObject(geminiPolicyFields);

/** A policy that is present but malformed: retrying cannot fix it, so the caller fails the job permanently. */
export class InvalidPolicyError extends Error {
  override name = 'InvalidPolicyError';
}

export function parseGeminiPolicy(policy: Record<string, unknown> | null): GeminiPolicy {
  if (policy == null) return { rules: [], secondPass: null, startFromComposite: false };
  const parsed = z.safeParse(policySchema, policy);
  if (!parsed.success) {
    // Paths only: the values are staff-written prompt text and need not travel in error logs.
    const paths = parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
    throw new InvalidPolicyError(`Invalid Gemini policy at ${[...new Set(paths)].join(', ')}`);
  }
  return { rules: parsed.data.rules ?? [], secondPass: parsed.data.secondPass ?? null, startFromComposite: parsed.data.startFromComposite ?? false };
}

// ---------------------------------------------------------------------------------------
// Passes

export interface PassPlan {
  /** Sent as images after the room photo, in this order: swatch #1, #2, … */
  swatchItems: GenerationItem[];
  /** Described in words only (no swatch image). */
  textItems: GenerationItem[];
}

/**
 * Splits the request's items into model calls: swatch-bearing items in batches of at most
 * `max` (the 14-image input limit minus the room photo), in the request's order (the
 * photo's surface order); text-only items ride along in the first call. No items means
 * no call.
 */
export function planPasses(items: GenerationItem[], max = MAX_SWATCHES_PER_PASS): PassPlan[] {
  const order = items.map((i) => i.subcategoryId);
  const textItems = items.filter((i) => !i.swatch);
  const batches = batchSwatches(
    items.filter((i) => i.swatch),
    order,
    max,
  );
  if (batches.length === 0) return textItems.length > 0 ? [{ swatchItems: [], textItems }] : [];
  return batches.map((swatchItems, i) => ({ swatchItems, textItems: i === 0 ? textItems : [] }));
}

// ---------------------------------------------------------------------------------------
// Where each material goes

/**
 * Rough position of a set of normalized polygons in the frame, in words and percentages,
 * so the model can tell the island front from the back wall when labels alone are vague.
 */
export function describeRegion(polygons: PhotoSurface['polygons']): string | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const [x, y] of polygon) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX) || !Number.isFinite(minY)) return null;
  const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v * 100)));
  const [x0, x1, y0, y1] = [clamp(minX), clamp(maxX), clamp(minY), clamp(maxY)];
  const third = (lo: number, hi: number, words: [string, string, string], whole: string) => {
    if (hi - lo >= 80) return whole;
    const mid = (lo + hi) / 2;
    return mid < 100 / 3 ? words[0] : mid > 200 / 3 ? words[2] : words[1];
  };
  const h = third(x0, x1, ['left', 'centre', 'right'], 'full width');
  const v = third(y0, y1, ['top', 'middle', 'bottom'], 'full height');
  return `${v}, ${h}; x ${x0}-${x1}%, y ${y0}-${y1}% of the frame`;
}

/** Surface labels and positions where an item's material goes, in the photo's surface order. */
function placement(item: GenerationItem, surfaces: PhotoSurface[]): string | null {
  const mine = surfaces.filter((s) => s.subcategoryId === item.subcategoryId);
  if (mine.length === 0) return null;
  return mine
    .map((s) => {
      const region = describeRegion(s.polygons);
      const label = `"${oneLine(s.label, 80)}"`;
      return region ? `${label} (${region})` : label;
    })
    .join('; ');
}

/** Caption placed right before swatch #N's image, so the mapping holds even if the list is skimmed. */
export function swatchCaption(n: number, item: GenerationItem): string {
  return `swatch #${n}: ${oneLine(item.subcategoryName, 80)}, ${oneLine(item.optionName, 120)}`;
}

function itemLine(item: GenerationItem, swatchNumber: number | null, surfaces: PhotoSurface[]): string {
  const what = `${oneLine(item.subcategoryName, 80)} "${oneLine(item.optionName, 120)}"`;
  const source =
    swatchNumber != null
      ? `use swatch #${swatchNumber}`
      : item.swatchColor
        ? `no swatch image; use colour ${oneLine(item.swatchColor, 16)}`
        : `no swatch image; follow the option name${item.descriptor ? ' and finish notes' : ''}`;
  const where = placement(item, surfaces);
  const parts = [`- ${what}: ${source}.`];
  if (where) parts.push(`Apply to ${where}.`);
  if (item.descriptor) parts.push(`Finish: ${oneLine(item.descriptor)}.`);
  return parts.join(' ');
}

export interface PassPromptInput {
  /** 1-based index of this edit call and how many edit calls there are in all. */
  pass: number;
  passCount: number;
  plan: PassPlan;
  /** The request's items in photo surface order: fixes the line order. */
  items: GenerationItem[];
  surfaces: PhotoSurface[];
  spatialHint: string | null;
  rules: string[];
  /** The room photo of this call already has the finishes roughly painted in (policy `startFromComposite`). */
  fromComposite?: boolean;
}

/** Tells the model the painted finishes are a placement guide to make real, not the look to keep. */
export const COMPOSITE_GUIDE =
  'The room photo already has the new finishes roughly painted onto their surfaces as a guide to where each one goes. Make them look real and installed: true texture, pattern scale, grout lines, sheen, reflections and crisp edges, following the room\'s perspective and light. Keep every surface exactly where it is.';

/**
 * The text of one edit call. Lines follow the request's item order; swatch numbers restart
 * at 1 in every pass and count only the swatches sent with that pass.
 */
export function buildPassPrompt(input: PassPromptInput): string {
  const { plan } = input;
  const numberOf = new Map(plan.swatchItems.map((item, i) => [item, i + 1]));
  const inPass = new Set([...plan.swatchItems, ...plan.textItems]);
  const ordered = input.items.filter((i) => inPass.has(i));
  // Items missing from `items` (a caller bug) still get their line, after the rest.
  for (const item of [...plan.swatchItems, ...plan.textItems]) if (!ordered.includes(item)) ordered.push(item);

  const sections = [ANTI_COLLAGE_PREAMBLE];
  if (input.spatialHint) sections.push(`About this photo: ${oneLine(input.spatialHint, 600)}`);
  if (input.fromComposite && input.pass === 1) sections.push(COMPOSITE_GUIDE);
  if (input.pass > 1) {
    sections.push(
      `This is pass ${input.pass} of ${input.passCount}: the room photo already carries the finishes applied in earlier passes. Keep them exactly as they are and change only the surfaces below.`,
    );
  }
  if (input.rules.length > 0) sections.push(['Rules for this photo:', ...input.rules.map((r) => `- ${oneLine(r, 600)}`)].join('\n'));
  sections.push(['Surfaces to re-finish:', ...ordered.map((item) => itemLine(item, numberOf.get(item) ?? null, input.surfaces))].join('\n'));
  const count = plan.swatchItems.length;
  sections.push(
    count > 0
      ? `${count > 1 ? `Swatches #1 to #${count} are references` : 'Swatch #1 is a reference'} only. Output one image: this same room photo with only these surfaces re-finished.`
      : 'Output one image: this same room photo with only these surfaces re-finished.',
  );
  return sections.join('\n\n');
}

/** The optional policy pass: the finished image plus the photo's correction instructions, nothing else. */
export function buildSecondPassPrompt(instructions: string, spatialHint: string | null): string {
  const sections = [
    'You are retouching a real photograph of a room. The image is the room photo to edit.',
    'Return exactly one photorealistic image: the same photo, same camera position, lens, framing, perspective and lighting. Keep every wall, window, door, fixture and finish as it is unless the instructions below name it.',
    'Never make a collage, grid, split screen, side-by-side or before-and-after. No text, labels, borders or watermarks.',
  ];
  if (spatialHint) sections.push(`About this photo: ${oneLine(spatialHint, 600)}`);
  sections.push(`Instructions: ${oneLine(instructions, 2000)}`);
  return sections.join('\n\n');
}
