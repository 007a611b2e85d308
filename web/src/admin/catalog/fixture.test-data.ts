/** A small option tree shared by the pure-module tests. */
import type { AdminCategory, AdminOption } from './api';

export function option(id: string, subcategoryId: string, extra: Partial<AdminOption> = {}): AdminOption {
  return {
    id,
    subcategoryId,
    slug: id,
    name: id.toUpperCase(),
    description: null,
    priceCents: 0,
    isDefault: false,
    sortOrder: 0,
    swatchKey: null,
    swatchUrl: null,
    swatchColor: null,
    promptDescriptor: null,
    isActive: true,
    floorplanIds: [],
    ...extra,
  };
}

export function sampleTree(): AdminCategory[] {
  const sub = (id: string, categoryId: string, options: AdminOption[]) => ({
    id,
    categoryId,
    slug: id,
    name: id === 's-floor' ? 'Floor' : id === 's-paint' ? 'Paint' : 'Counters',
    sortOrder: 0,
    isVisual: true,
    isAdditive: false,
    maxQuantity: 1,
    unitLabel: null,
    promptDescriptor: null,
    options,
  });
  return [
    {
      id: 'c-int',
      slug: 'interior',
      name: 'Interior',
      sortOrder: 0,
      subcategories: [
        sub('s-floor', 'c-int', [
          option('lvp', 's-floor', { isDefault: true }),
          option('oak', 's-floor', { priceCents: 980000 }),
          option('tile', 's-floor', { priceCents: 760000, floorplanIds: ['fp-aspen'] }),
        ]),
        sub('s-paint', 'c-int', [option('white', 's-paint'), option('grey', 's-paint', { priceCents: 120000 })]),
      ],
    },
    { id: 'c-kit', slug: 'kitchen', name: 'Kitchen', sortOrder: 1, subcategories: [sub('s-counter', 'c-kit', [option('laminate', 's-counter'), option('quartz', 's-counter', { priceCents: 450000 })])] },
  ];
}
