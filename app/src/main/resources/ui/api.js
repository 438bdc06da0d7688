// The service's API as the page uses it. The token travels in the Authorization header of GET calls and in the
// body of POST calls, never in a URL, so it is in no address bar, browser history or server log.

const BASE = '/crmapi/rest/v2';

/** A refusal or failure, in the words of the envelope's message. */
export class ApiError extends Error {
    constructor(code, message, status) {
        super(message);
        this.code = code;
        this.status = status;
    }
}

async function envelope(response) {
    let body = null;
    try {
        body = await response.json();
    } catch (unreadable) {
        // not the service's envelope: a proxy's page, or the connection broke
    }
    const status = body && body.status;
    if (!status) {
        throw new ApiError('UNREACHABLE', `The service answered ${response.status} without a readable answer.`,
            response.status);
    }
    if (status.code !== 'OK') {
        throw new ApiError(status.code, status.message || status.code, response.status);
    }
    return body;
}

async function send(path, init) {
    let response;
    try {
        response = await fetch(BASE + path, { cache: 'no-store', credentials: 'omit', ...init });
    } catch (offline) {
        throw new ApiError('UNREACHABLE', 'The service cannot be reached. Check the connection and try again.', 0);
    }
    return envelope(response);
}

export function signIn(username, password, organisation) {
    return send('/authentication/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password, organisation }),
    }).then(answer => answer.data);
}

export function release(token) {
    return send('/authentication/token/release', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
    });
}

/** A GET of the API with the token in its header: the whole envelope (its data, and paging where there is one). */
export function get(token, path, parameters) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters || {})) {
        if (value !== undefined && value !== null && value !== '') {
            query.set(name, String(value));
        }
    }
    const written = query.toString();
    return send(path + (written ? `?${written}` : ''), { headers: { Authorization: `Bearer ${token}` } });
}

/** Where the change feed of the API answers: for {@link import('./feed.js').follow}. */
export const CHANGES = `${BASE}/leads/changes`;
