// The timeline page: sign in, find a lead, read its story, travel back in it, and see new changes as they come.
import { ApiError, CHANGES, get, release, signIn } from './api.js';
import { follow } from './feed.js';
import { addCards, change, describe, duration, fields, label, marks } from './timeline.js';

const PAGE_SIZE = 50;
const DURATION_ATTEMPTS = 10;
const SESSION = 'leads.session';
const $ = id => document.getElementById(id);

let session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
let lead = null;          // what is open: { number, today, pagesShown, nextPages, total, cards, requests }
let feed = null;
let reloadTimer = null;
let travelTimer = null;
let durationsTimer = null;

function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) {
        made.className = className;
    }
    if (text !== undefined) {
        made.textContent = text;
    }
    return made;
}

function say(text, kind = 'error') {
    const message = $('message');
    message.textContent = text;
    message.className = `message ${kind}`;
    message.hidden = false;
}

function quiet() {
    $('message').hidden = true;
}

/** Every failure in words; a token that no longer works sends the user back to sign in. */
function failed(error) {
    if (error instanceof ApiError && error.code === 'INVALID_TOKEN') {
        endSession();
        say('Your session has ended. Sign in again.');
    } else {
        say(error instanceof ApiError ? error.message : 'Something went wrong in this page. Reload it.');
    }
}

function show(part) {
    $('sign-in-section').hidden = part !== 'sign-in';
    $('search-section').hidden = part === 'sign-in';
    $('lead-section').hidden = part !== 'lead';
    $('session').hidden = part === 'sign-in';
}

function endSession() {
    if (feed) {
        feed.stop();
        feed = null;
    }
    session = null;
    lead = null;
    sessionStorage.removeItem(SESSION);
    $('results').replaceChildren();
    $('sign-in').reset();
    show('sign-in');
    $('sign-in').elements.username.focus();
}

function signedIn() {
    $('signed-in-as').textContent = `Signed in as ${session.user}${session.unit ? ` (${session.unit})` : ''}`;
    show('search');
    const wanted = location.hash.match(/^#lead\/(.+)$/);
    if (wanted) {
        open(decodeURIComponent(wanted[1])).catch(failed);
    } else {
        $('search').elements.search.focus();
    }
}

$('sign-in').addEventListener('submit', async event => {
    event.preventDefault();
    quiet();
    const form = event.target.elements;
    try {
        const answer = await signIn(form.username.value, form.password.value, form.organisation.value);
        session = { token: answer.token, user: describe(answer.user), unit: describe(answer.unit) };
        sessionStorage.setItem(SESSION, JSON.stringify(session));
        form.password.value = '';
        signedIn();
    } catch (error) {
        form.password.value = '';
        say(error.message);
        form.password.focus();
    }
});

$('sign-out').addEventListener('click', async () => {
    const token = session.token;
    endSession();
    history.replaceState(null, '', location.pathname);
    try {
        await release(token);
        say('You are signed out.', 'info');
    } catch (error) {
        say(`Signed out of this page, but the service did not confirm it: ${error.message}`);
    }
});

$('search').addEventListener('submit', async event => {
    event.preventDefault();
    quiet();
    try {
        const answer = await get(session.token, '/leads/list', {
            search_value: event.target.elements.search.value, records_per_page: 20,
        });
        const results = $('results');
        results.replaceChildren();
        if (answer.data.length === 0) {
            results.append(element('li', 'none', 'No lead matches.'));
        }
        for (const found of answer.data) {
            const item = element('li');
            const button = element('button', 'link', `Lead ${found.number}: ${describe(found.contact_information)}, `
                + `${describe(found.status)}`);
            button.type = 'button';
            button.addEventListener('click', () => open(found.number).catch(failed));
            item.append(button);
            results.append(item);
        }
    } catch (error) {
        failed(error);
    }
});

/** Opens one lead: its story now, and every change made to it from now on as it comes. */
async function open(number) {
    quiet();
    if (feed) {
        feed.stop();
    }
    lead = { number, today: null, pagesShown: 1, cards: [], requests: new Set() };
    history.replaceState(null, '', `#lead/${encodeURIComponent(number)}`);
    await reload(false);
    show('lead');
    $('lead-title').focus();
    const opened = lead;
    const query = new URLSearchParams({ lead_identifier: `number=${number}` });
    feed = follow(`${CHANGES}?${query}`, session.token, {
        // the stream stands at a position from here on: what changed before it is read again, so nothing is missed,
        // and what changed since the lead was opened is marked new, whether the stream or this read brought it
        onOpen: () => opened === lead && scheduleReload(true),
        onChange: made => {
            if (opened === lead) {
                $('live').textContent = `New change by ${describe(made.performed_by_user)} at ${made.performed_date}.`;
                scheduleReload(true);
            }
        },
        onTrouble: words => {
            if (opened === lead) {
                $('live').textContent = words;
            }
        },
        onRefused: status => failed(new ApiError(status.code, status.message, 0)),
    });
}

function scheduleReload(live) {
    clearTimeout(reloadTimer);
    // the events of one call arrive together: one reload for all of them
    reloadTimer = setTimeout(() => reload(live).catch(failed), 150);
}

function filters() {
    const form = $('filters').elements;
    return { order: form.order.value, field: form.field.value.trim(), user: form.user.value.trim() };
}

/** A GET of one lead's {@code path}, the lead named by its number. */
function ofLead(path, number, parameters = {}) {
    return get(session.token, path, { lead_identifier: `number=${number}`, ...parameters });
}

function historyPage(number, chosen, page) {
    return ofLead('/leads/history', number, {
        field: chosen.field, user: chosen.user, page, records_per_page: PAGE_SIZE,
    });
}

/**
 * As many entries as are shown now, in the order asked for. Oldest first is pages 1, 2, ... of the history;
 * newest first is read from its last page backwards, each page turned around, and cut to the newest entries.
 */
async function loadHistory(number, chosen, pages) {
    const wanted = pages * PAGE_SIZE;
    const first = await historyPage(number, chosen, 1);
    const total = first.paging.total;
    const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
    let entries;
    if (chosen.order === 'oldest') {
        const answers = [first];
        for (let page = 2; page <= Math.min(pages, last); page++) {
            answers.push(await historyPage(number, chosen, page));
        }
        entries = answers.flatMap(answer => answer.data);
    } else {
        entries = [];
        for (let page = last; page >= 1 && entries.length < wanted; page--) {
            const answer = page === 1 ? first : await historyPage(number, chosen, page);
            entries.push(...[...answer.data].reverse());
        }
        entries = entries.slice(0, wanted);
    }
    return { entries, total, more: total > wanted };
}

async function reload(live) {
    const opened = lead;
    const chosen = filters();
    const [today, durations, loaded] = await Promise.all([
        ofLead('/leads/show', opened.number),
        ofLead('/leads/status_durations', opened.number),
        loadHistory(opened.number, chosen, opened.pagesShown),
    ]);
    if (opened !== lead) {
        return;
    }
    const before = opened.requests;
    opened.today = today.data;
    opened.cards = addCards([], loaded.entries);
    opened.requests = new Set(opened.cards.map(card => card.requestId));
    const classes = classifications(durations.data, today.data);
    drawLead(today.data);
    drawBand(durations.data, classes);
    if (!counts(durations.data, today.data)) {
        awaitDurations(opened, today.data, 1);
    }
    drawCards(opened.cards, classes, live ? before : null);
    $('more').hidden = !loaded.more;
    $('more').textContent = chosen.order === 'oldest' ? 'Show later changes' : 'Show earlier changes';
    offerFilters(loaded.entries);
    setUpTravel(today.data);
}

/** Whether the status durations know the status the lead is in. */
function counts(durations, today) {
    return durations.statuses.some(status => status.status_id === today.status.id);
}

/**
 * The status durations are counted apart from the call that moved the lead, a moment after it: while they do not
 * know the status the lead is in, they are asked again, every half second for a few seconds.
 */
function awaitDurations(opened, today, attempt) {
    clearTimeout(durationsTimer);
    durationsTimer = setTimeout(async () => {
        try {
            const durations = await ofLead('/leads/status_durations', opened.number);
            if (opened === lead) {
                drawBand(durations.data, classifications(durations.data, today));
                if (!counts(durations.data, today) && attempt < DURATION_ATTEMPTS) {
                    awaitDurations(opened, today, attempt + 1);
                }
            }
        } catch (error) {
            failed(error);
        }
    }, 500);
}

/** Each status's classification (PENDING, WON, LOST), by the status's id, as far as the page has learnt it. */
function classifications(durations, today) {
    const classes = new Map(durations.statuses.map(status => [status.status_id, status.life_cycle_state]));
    if (today.status) {
        classes.set(today.status.id, today.life_cycle_state);
    }
    return classes;
}

function drawLead(today) {
    $('lead-title').textContent = `Lead ${today.number}`;
    $('lead-summary').textContent = `${describe(today.contact_information)}, ${describe(today.type)}; now `
        + `${describe(today.status)} (${today.life_cycle_state}), version ${today.version}.`;
}

function drawBand(durations, classes) {
    const band = $('band');
    const legend = $('band-legend');
    band.replaceChildren();
    legend.replaceChildren();
    const total = durations.statuses.reduce((sum, status) => sum + status.seconds, 0);
    for (const status of durations.statuses) {
        const segment = element('span', `segment ${stateClass(classes.get(status.status_id))}`, status.status_name);
        segment.style.flexGrow = String(Math.max(status.seconds, total / 100));
        segment.title = `${status.status_name}: ${duration(status.seconds)}`;
        band.append(segment);
        const stays = status.stays === 1 ? '1 stay' : `${status.stays} stays`;
        const item = element('li', stateClass(status.life_cycle_state));
        item.append(element('span', 'swatch'), `${status.status_name} (${status.life_cycle_state}): `
            + `${duration(status.seconds)}, ${stays}`);
        legend.append(item);
    }
    if (!durations.complete) {
        legend.append(element('li', 'none', 'Still being counted again from the first event: some stays may lack.'));
    }
}

function stateClass(state) {
    return state ? `state-${state.toLowerCase()}` : 'state-unknown';
}

function drawCards(cards, classes, before) {
    const list = $('cards');
    list.replaceChildren();
    if (cards.length === 0) {
        list.append(element('li', 'none', 'No change matches.'));
    }
    for (const card of cards) {
        list.append(drawCard(card, classes, before !== null && !before.has(card.requestId)));
    }
}

function drawCard(card, classes, isNew) {
    const item = element('li', isNew ? 'card new' : 'card');
    const article = element('article');
    const heading = element('h4');
    const time = element('time', '', card.date);
    time.dateTime = card.date;
    heading.append(time, ` by ${describe(card.user)}`);
    const events = card.first === card.last ? `event ${card.first}` : `events ${card.first} to ${card.last}`;
    const about = element('p', 'about', `${describe(card.unit)} · ${events} · request ${card.requestId}`);
    article.append(heading, about);
    const { revertedTo, reopened, created } = marks(card);
    if (isNew || revertedTo !== null || reopened || created) {
        const flags = element('p', 'marks');
        if (isNew) {
            flags.append(element('span', 'mark new', 'New'));
        }
        if (created) {
            flags.append(element('span', 'mark created', 'Created'));
        }
        if (revertedTo !== null) {
            flags.append(element('span', 'mark reverted', `Reverted to version ${revertedTo}`));
        }
        if (reopened) {
            flags.append(element('span', 'mark reopened', 'Reopened'));
        }
        article.append(flags);
    }
    const changes = element('ul', 'changes');
    for (const entry of card.entries) {
        changes.append(drawChange(entry, classes));
    }
    article.append(changes);
    const travel = element('button', 'travel-to', `See the lead after event ${card.last}`);
    travel.type = 'button';
    travel.addEventListener('click', () => {
        $('version').value = String(card.last);
        travelTo(card.last);
        $('travel-title').focus();
    });
    article.append(travel);
    item.append(article);
    return item;
}

function drawChange(entry, classes) {
    const said = change(entry);
    const item = element('li', `change ${said.kind}`);
    item.append(element('span', 'field', said.field));
    if (said.kind === 'added' || said.kind === 'removed' || said.kind === 'created') {
        item.append(' ', element('span', said.kind === 'removed' ? 'old' : 'new', said.text));
    } else if (said.kind === 'status') {
        item.append(' ', statusBadge(entry.old_value, classes), ' → ', statusBadge(entry.new_value, classes));
    } else {
        item.append(' ', element('span', 'old', said.from), ' → ', element('span', 'new', said.to));
    }
    return item;
}

function statusBadge(status, classes) {
    if (!status) {
        return element('span', 'old', '(none)');
    }
    const state = classes.get(status.id);
    return element('span', `status ${stateClass(state)}`, state ? `${describe(status)} (${state})`
        : describe(status));
}

/** The fields and users seen so far, offered in the filters. */
function offerFilters(entries) {
    const fieldsSeen = [...new Set(entries.map(entry => entry.field).filter(Boolean))].sort();
    const usersSeen = [...new Set(entries.map(entry => entry.performed_by_user && entry.performed_by_user.username)
        .filter(Boolean))].sort();
    $('fields-seen').replaceChildren(...fieldsSeen.map(field => {
        const option = element('option', '', label(field));
        option.value = field;
        return option;
    }));
    $('users-seen').replaceChildren(...usersSeen.map(user => {
        const option = element('option');
        option.value = user;
        return option;
    }));
}

$('filters').addEventListener('submit', event => {
    event.preventDefault();
    if (lead) {
        lead.pagesShown = 1;
        reload(false).catch(failed);
    }
});

$('filters').addEventListener('reset', () => {
    // after the form has put its fields back
    setTimeout(() => $('filters').requestSubmit(), 0);
});

$('filters').elements.order.addEventListener('change', () => $('filters').requestSubmit());

$('more').addEventListener('click', () => {
    lead.pagesShown += 1;
    reload(false).catch(failed);
});

function setUpTravel(today) {
    const slider = $('version');
    const following = slider.max === '' || slider.value === slider.max;
    slider.max = String(today.version);
    if (following) {
        slider.value = String(today.version);
    }
    travelTo(Number(slider.value));
}

$('differing-only').addEventListener('change', event => {
    $('travel-table').classList.toggle('differing-only', event.target.checked);
});

$('version').addEventListener('input', () => {
    const version = Number($('version').value);
    $('version-shown').textContent = String(version);
    clearTimeout(travelTimer);
    travelTimer = setTimeout(() => travelTo(version), 200);
});

/** Shows the lead as it stood after event {@code version}, beside today's, the differences marked. */
async function travelTo(version) {
    const opened = lead;
    $('version-shown').textContent = String(version);
    try {
        const then = await ofLead('/leads/show', opened.number, { as_of_version: version });
        if (opened !== lead || Number($('version').value) !== version) {
            return;
        }
        drawTravel(then.data, opened.today);
    } catch (error) {
        failed(error);
    }
}

function drawTravel(then, today) {
    const now = new Map(fields(today).map(field => [field.name, field.text]));
    const rows = [];
    let differing = 0;
    for (const field of fields(then)) {
        const todays = now.has(field.name) ? now.get(field.name) : '(none)';
        const differs = field.text !== todays;
        differing += differs ? 1 : 0;
        const row = element('tr', differs ? 'differs' : 'same');
        const name = element('th', '', label(field.name));
        name.scope = 'row';
        if (differs) {
            name.append(element('span', 'differs-mark', ' (differs)'));
        }
        row.append(name, element('td', '', field.text), element('td', '', todays));
        rows.push(row);
    }
    $('travel-table').tBodies[0].replaceChildren(...rows);
    $('then-heading').textContent = `After event ${then.version}`;
    $('travel-summary').textContent = then.version === today.version
        ? 'This is the lead as it stands today.'
        : `${differing} ${differing === 1 ? 'field differs' : 'fields differ'} from today (version ${today.version}).`;
}

if (session) {
    signedIn();
} else {
    show('sign-in');
}
