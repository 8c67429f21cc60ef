import type { CreateApiKeyInput } from '../../shared/domain/api-key.js';
import type { CreateItemInput } from '../../shared/domain/item.js';
import type { CreateShelterInput } from '../../shared/domain/shelter.js';

/** A small, plausible Phnom Penh response: enough to click through every feature locally. */
export const demoOrganization = { id: 'pp-relief', name: 'Phnom Penh Relief Network' };

export const demoShelters: Array<
  CreateShelterInput & { id: string; pickupPoints: Array<{ id: string; name: string }> }
> = [
  {
    id: 'pp-central',
    name: 'Phnom Penh Central Shelter',
    province: 'Phnom Penh',
    provinceCode: 'KH-12',
    capacity: 1200,
    population: 950,
    confidential: false,
    pickupPoints: [
      { id: 'pp-central-gate', name: 'Main gate' },
      { id: 'pp-central-hall', name: 'Clinic hall' },
    ],
  },
  {
    id: 'chbar-ampov',
    name: 'Chbar Ampov Transit Shelter',
    province: 'Phnom Penh',
    provinceCode: 'KH-12',
    address: 'Withheld in demo data',
    capacity: 400,
    population: 310,
    confidential: true,
    pickupPoints: [{ id: 'chbar-ampov-yard', name: 'Courtyard' }],
  },
  {
    id: 'ta-khmau',
    name: 'Ta Khmau Safe House',
    province: 'Kandal',
    provinceCode: 'KH-8',
    capacity: 250,
    population: 180,
    confidential: true,
    pickupPoints: [{ id: 'ta-khmau-office', name: 'Front office' }],
  },
];

/**
 * Daily needs follow the Sphere minimums where one exists (water 15 L; ~0.45 kg rice ≈ 1,600 kcal).
 * Pack sizes as goods arrive; soap's barcode is a GS1 in-store number (prefix 200), no real product's.
 */
export const demoItems: CreateItemInput[] = [
  {
    id: 'rice',
    name: 'Rice',
    nameKm: 'អង្ករ',
    category: 'food',
    unit: 'kg',
    dailyNeedPerPerson: 0.45,
    packSizes: [{ name: 'sack', units: 25 }],
  },
  {
    id: 'canned-fish',
    name: 'Canned fish',
    nameKm: 'ត្រីកំប៉ុង',
    category: 'food',
    unit: 'piece',
    dailyNeedPerPerson: 0.5,
  },
  {
    id: 'water',
    name: 'Drinking water',
    nameKm: 'ទឹកស្អាត',
    category: 'water',
    unit: 'L',
    dailyNeedPerPerson: 15,
    packSizes: [{ name: 'case', units: 12 }],
  },
  {
    id: 'blanket',
    name: 'Blanket',
    nameKm: 'ភួយ',
    category: 'bedding',
    unit: 'piece',
    packSizes: [{ name: 'bale', units: 20 }],
  },
  { id: 'sleeping-mat', name: 'Sleeping mat', nameKm: 'កន្ទេល', category: 'bedding', unit: 'piece' },
  { id: 'mosquito-net', name: 'Mosquito net', nameKm: 'មុង', category: 'bedding', unit: 'piece' },
  {
    id: 'soap',
    name: 'Soap',
    nameKm: 'សាប៊ូ',
    category: 'hygiene',
    unit: 'pack',
    barcodes: ['2000000000015'],
    packSizes: [{ name: 'carton', units: 24 }],
  },
];

/** Opening stock per shelter, received from a named donor so the ledger explains every number. */
export const demoReceipts: Array<{
  shelterId: string;
  source: string;
  lines: Array<{ itemId: string; quantity: number }>;
}> = [
  {
    shelterId: 'pp-central',
    source: 'WFP Cambodia (demo)',
    lines: [
      { itemId: 'rice', quantity: 2400 },
      { itemId: 'canned-fish', quantity: 3000 },
      { itemId: 'water', quantity: 40000 },
      { itemId: 'blanket', quantity: 900 },
      { itemId: 'sleeping-mat', quantity: 700 },
      { itemId: 'mosquito-net', quantity: 450 },
      { itemId: 'soap', quantity: 800 },
    ],
  },
  {
    shelterId: 'chbar-ampov',
    source: 'Cambodian Red Cross (demo)',
    lines: [
      { itemId: 'rice', quantity: 300 },
      { itemId: 'water', quantity: 9000 },
      { itemId: 'blanket', quantity: 120 },
      { itemId: 'mosquito-net', quantity: 60 },
    ],
  },
  {
    shelterId: 'ta-khmau',
    source: 'Private donor (demo)',
    lines: [
      { itemId: 'rice', quantity: 500 },
      { itemId: 'water', quantity: 3000 },
      { itemId: 'blanket', quantity: 200 },
      { itemId: 'soap', quantity: 150 },
    ],
  },
];

/** Each key names its scope, as every key must: `"*"` here is the demo admin's explicit choice. */
export const demoKeys: Array<Omit<CreateApiKeyInput, 'orgId'>> = [
  { role: 'admin', label: 'Demo administrator' },
  { role: 'coordinator', label: 'Demo coordinator', scope: { shelterIds: '*' } },
  {
    role: 'volunteer',
    label: 'Demo volunteer at Phnom Penh Central',
    scope: { shelterIds: ['pp-central'], pickupPointIds: ['pp-central-gate', 'pp-central-hall'] },
  },
  { role: 'logistics', label: 'Demo logistics lead', scope: { shelterIds: '*' } },
];
