// The change feed's event stream, read as EventSource reads it, but with the token in a header: EventSource can
// send no header, so it would need the token in its URL. Like EventSource, this keeps the last event's id and sends
// it back as Last-Event-ID when it reconnects, so a broken connection skips nothing.

const FIRST_RETRY_MILLIS = 1000;
const LONGEST_RETRY_MILLIS = 30000;

/**
 * Follows the feed at {@code url} until stop() is called. {@code onOpen} is called once the stream stands at a
 * position (its first heartbeat, also after each reconnection); {@code onChange} with each change;
 * {@code onTrouble} with words for a problem (then the stream is retried, unless the service refused it for good,
 * when {@code onRefused} gets its envelope's status).
 */
export function follow(url, token, { onOpen, onChange, onTrouble, onRefused }) {
    let position = null;
    let stopped = false;
    let controller = null;
    let retryMillis = FIRST_RETRY_MILLIS;

    function dispatch(message) {
        if (message.id !== null) {
            position = message.id;
        }
        if (message.event === 'heartbeat') {
            retryMillis = FIRST_RETRY_MILLIS;
            onOpen();
        } else if (message.data) {
            onChange(JSON.parse(message.data));
        }
    }

    async function read(body) {
        const lines = body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = '';
        let message = { id: null, event: 'message', data: '' };
        for (;;) {
            const { value, done } = await lines.read();
            if (done) {
                return;
            }
            pending += value;
            let end;
            while ((end = pending.search(/\r\n|\r|\n/)) >= 0) {
                const line = pending.slice(0, end);
                pending = pending.slice(end + (pending.startsWith('\r\n', end) ? 2 : 1));
                if (line === '') {
                    dispatch(message);
                    message = { id: null, event: 'message', data: '' };
                } else if (!line.startsWith(':')) {
                    const colon = line.indexOf(':');
                    const field = colon < 0 ? line : line.slice(0, colon);
                    const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                    if (field === 'id') {
                        message.id = text;
                    } else if (field === 'event') {
                        message.event = text;
                    } else if (field === 'data') {
                        message.data = message.data ? `${message.data}\n${text}` : text;
                    }
                }
            }
        }
    }

    async function run() {
        while (!stopped) {
            controller = new AbortController();
            try {
                const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
                if (position !== null) {
                    headers['Last-Event-ID'] = position;
                }
                const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store',
                    credentials: 'omit' });
                const type = response.headers.get('Content-Type') || '';
                if (response.ok && type.startsWith('text/event-stream')) {
                    await read(response.body);
                } else {
                    const answer = await response.json().catch(() => null);
                    const status = answer && answer.status;
                    if (status && response.status < 500) {
                        onRefused(status);
                        return;
                    }
                    onTrouble(status && status.message ? status.message
                        : `The change feed answered ${response.status}.`);
                }
            } catch (broken) {
                if (stopped) {
                    return;
                }
            }
            if (!stopped) {
                onTrouble('The live feed was interrupted; reconnecting.');
                await new Promise(resolve => setTimeout(resolve, retryMillis));
                retryMillis = Math.min(2 * retryMillis, LONGEST_RETRY_MILLIS);
            }
        }
    }

    run();
    return {
        stop() {
            stopped = true;
            if (controller) {
                controller.abort();
            }
        },
    };
}
