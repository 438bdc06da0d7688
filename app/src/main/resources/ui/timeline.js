// How a lead's history reads on the page: entries grouped into one card per call, and values in words. Pure
// functions of the API's answers, apart from the page.

const ADDED = new Set(['COMPETITOR_ADDED', 'USER_ADDED', 'PRODUCT_ADDED']);
const REMOVED = new Set(['COMPETITOR_REMOVED', 'USER_REMOVED', 'PRODUCT_REMOVED']);
const STATUS_FIELDS = new Set(['status', 'status_identifier']);

/** A wire name as a person reads it: {@code udf_string_1} as "udf string 1". */
export function label(name) {
    return name ? String(name).replace(/_identifier$|_set$/, '').replace(/_/g, ' ') : '';
}

/** A value of the API in words: a catalogue object by its name, a row by what it holds, nothing as "(none)". */
export function describe(value) {
    if (value === null || value === undefined || value === '') {
        return '(none)';
    }
    if (Array.isArray(value)) {
        return value.length ? value.map(describe).join(', ') : '(none)';
    }
    if (typeof value !== 'object') {
        return String(value);
    }
    if (value.name !== undefined && value.name !== null) {
        return String(value.name);
    }
    if (value.username !== undefined) {
        return String(value.username);
    }
    // a row of a set or a reference holds ids and its kind beside what it names: only what it names is read
    const said = Object.entries(value).filter(([key, inner]) => inner !== null && inner !== undefined
        && key !== 'id' && key !== 'kind' && !key.endsWith('_id'));
    const objects = said.filter(([, inner]) => typeof inner === 'object');
    if (objects.length === 1 && said.length === 1) {
        return describe(objects[0][1]);
    }
    return said.length ? said.map(([key, inner]) => `${label(key)} ${describe(inner)}`).join(', ') : '(none)';
}

/** What one entry says, as the card shows it. */
export function change(entry) {
    const field = label(entry.field);
    if (ADDED.has(entry.event)) {
        return { kind: 'added', field, text: `${describe(entry.new_value)} added` };
    }
    if (REMOVED.has(entry.event)) {
        return { kind: 'removed', field, text: `${describe(entry.old_value)} removed` };
    }
    if (entry.event === 'LEAD_CREATED') {
        return { kind: 'created', field, text: describe(entry.new_value) };
    }
    return {
        kind: STATUS_FIELDS.has(entry.field) ? 'status' : 'field',
        field,
        from: describe(entry.old_value),
        to: describe(entry.new_value),
    };
}

/**
 * The cards of entries given in the order they are shown: entries next to each other with one request id are one
 * card. A card continues the last of {@code cards} when its first entry is of the same call, so pages loaded one
 * after another join where they meet.
 */
export function addCards(cards, entries) {
    for (const entry of entries) {
        const last = cards[cards.length - 1];
        if (last && last.requestId === entry.request_id) {
            last.entries.push(entry);
            last.first = Math.min(last.first, entry.sequence_number);
            last.last = Math.max(last.last, entry.sequence_number);
        } else {
            cards.push({
                requestId: entry.request_id,
                user: entry.performed_by_user,
                unit: entry.performed_by_unit,
                date: entry.performed_date,
                first: entry.sequence_number,
                last: entry.sequence_number,
                entries: [entry],
            });
        }
    }
    return cards;
}

/** Whether the call reverted the lead (to which version), reopened it, or created it. */
export function marks(card) {
    const reverted = card.entries.find(entry => entry.reverted_to !== null && entry.reverted_to !== undefined);
    return {
        revertedTo: reverted ? reverted.reverted_to : null,
        reopened: card.entries.some(entry => entry.event === 'LEAD_REOPENED'),
        created: card.entries.some(entry => entry.event === 'LEAD_CREATED'),
    };
}

/** A number of seconds as days, hours and minutes. */
export function duration(seconds) {
    const minutes = Math.floor(seconds / 60);
    if (minutes < 1) {
        return `${seconds} s`;
    }
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(' ');
}

/** The lead's fields as the time-travel table lists them: every field of the answer, in words. */
export function fields(lead) {
    return Object.entries(lead).map(([name, value]) => ({ name, text: describe(value) }));
}
