// Venues (campus › building › room), speakers and institutions: shared by every edition.
import { api } from '../api.js';
import { pick } from '../i18n.js';
import { ct } from './texts.js';
import { crudView, bothLanguages } from './crud.js';

const S = '/api/schedule';
const pair = (en, zh, field) => ({ en: en?.[field] ?? null, zh: zh?.[field] ?? null });
const idField = (item) => (item ? [] : [{ name: 'id', label: 'id', hint: 'idHint' }]);

export const venueSpec = {
  key: 'venue', title: 'venues', singular: 'venue', path: `${S}/venues`,
  list: () => api(`${S}/venues`).then((v) => v.sort((a, b) => `${a.campus}|${a.building}|${a.room}`.localeCompare(`${b.campus}|${b.building}|${b.room}`))),
  name: (v) => [v.campus, v.building, v.room].filter(Boolean).join(' › '),
  columns: [
    { label: 'venue', cell: (v) => [v.campus, v.building, v.room].filter(Boolean).join(' › ') },
    { label: 'capacity', num: true, cell: (v) => v.capacity ?? '' },
    { label: 'shared', cell: (v) => (v.sharedSpace ? ct('yes') : ct('no')) }
  ],
  fields: (item) => [...idField(item), { name: 'campus', required: true }, { name: 'building' }, { name: 'room', required: true },
    { name: 'capacity', type: 'number', min: 1 }, { name: 'sharedSpace', type: 'check', wide: true }],
  values: async (v) => ({ ...v }),
  body: (v, item) => ({ id: item ? item.id : v.id, campus: v.campus, building: v.building, room: v.room,
    capacity: v.capacity, sharedSpace: v.sharedSpace, sampleData: item ? item.sampleData : false })
};

export const institutionSpec = {
  key: 'institution', title: 'institutions', singular: 'institution', path: `${S}/institutions`,
  list: () => api(`${S}/institutions`),
  name: (i) => pick(i, 'name', 'names'),
  columns: [{ label: 'name', cell: (i) => pick(i, 'name', 'names') }, { label: 'country', cell: (i) => i.country || '' },
    { label: 'website', cell: (i) => i.website || '' }],
  fields: (item) => [...idField(item), { name: 'name', type: 'bi', required: true, wide: true }, { name: 'country' },
    { name: 'website', type: 'url' }],
  values: async (i) => ({ name: i.names, country: i.country, website: i.website }),
  body: (v, item) => ({ id: item ? item.id : v.id, name: v.name, country: v.country, website: v.website,
    sampleData: item ? item.sampleData : false })
};

export function speakerSpec(institutions) {
  return {
    key: 'speaker', title: 'speakers', singular: 'speaker', path: `${S}/speakers`,
    list: () => api(`${S}/speakers`),
    name: (s) => pick(s, 'name', 'names'),
    columns: [{ label: 'name', cell: (s) => pick(s, 'name', 'names') }, { label: 'affiliation', cell: (s) => s.affiliation || '' }],
    fields: (item) => [...idField(item), { name: 'name', type: 'bi', required: true, wide: true }, { name: 'affiliation' },
      { name: 'institutionId', label: 'institution', type: 'select',
        options: institutions.map((i) => ({ value: i.id, label: pick(i, 'name', 'names') })) },
      { name: 'bio', type: 'bitext' }],
    values: async (s) => {
      const { en, zh } = await bothLanguages(`${S}/speakers/${encodeURIComponent(s.id)}`);
      return { name: s.names, affiliation: s.affiliation, institutionId: s.institutionId, bio: pair(en, zh, 'bio') };
    },
    body: (v, item) => ({ id: item ? item.id : v.id, name: v.name, affiliation: v.affiliation, institutionId: v.institutionId,
      bio: v.bio, sampleData: item ? item.sampleData : false })
  };
}

export const venuesPage = ({ main }) => crudView(main, venueSpec);
export const institutionsPage = ({ main }) => crudView(main, institutionSpec);
export async function speakersPage({ main }) {
  const institutions = await api(`${S}/institutions`);
  return crudView(main, speakerSpec(institutions));
}
