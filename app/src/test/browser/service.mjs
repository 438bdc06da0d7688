// The service jar, started on a port and a data folder of its own for the browser tests, and its API as the tests
// use it to change leads behind the page's back.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const app = resolve(here, '../../..');
const JAR = join(app, 'target/lead-service.jar');
const STARTUP_MILLIS = 120_000;

function freePort() {
    return new Promise((done, failed) => {
        const server = createServer();
        server.unref();
        server.on('error', failed);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => done(port));
        });
    });
}

/** Starts the jar on an empty H2 store and waits until it takes calls (it has seeded leads 69 and 127). */
export async function startService() {
    const port = await freePort();
    const data = mkdtempSync(join(tmpdir(), 'leads-browser-'));
    const log = createWriteStream(join(app, 'target/browser-test-service.log'));
    const child = spawn('java', ['-Xmx256m', '-Daxoniq.update-checker.disabled=true', '-jar', JAR,
        `--server.port=${port}`, `--leads.data-dir=${data}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const exited = new Promise(done => child.on('exit', done));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + STARTUP_MILLIS;
    for (;;) {
        if (child.exitCode !== null) {
            throw new Error(`the service stopped while starting: see ${join(app, 'target/browser-test-service.log')}`);
        }
        try {
            // 401 without a token once it takes calls; 503 while it starts and seeds
            const answer = await fetch(`${base}/crmapi/rest/v2/catalogue/statuses`);
            if (answer.status === 401) {
                break;
            }
        } catch (notListeningYet) {
            // the port opens a few seconds into the start
        }
        if (Date.now() > deadline) {
            child.kill('SIGKILL');
            throw new Error('the service did not start within two minutes');
        }
        await new Promise(done => setTimeout(done, 250));
    }
    return {
        base,
        api: new Api(`${base}/crmapi/rest/v2`),
        async stop() {
            child.kill('SIGTERM');
            await exited;
            rmSync(data, { recursive: true, force: true });
        },
    };
}

/** The calls the tests make themselves, as an integrator would. */
class Api {
    constructor(base) {
        this.base = base;
    }

    async call(path, body) {
        const answer = await fetch(this.base + path, {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
        return answer.json();
    }

    async get(path, token, parameters) {
        const query = new URLSearchParams({ token, ...parameters });
        return (await fetch(`${this.base}${path}?${query}`)).json();
    }

    async token() {
        const answer = await this.call('/authentication/token',
            { username: 'MPAdministrator', password: 'dev-password', organisation: 'CRM' });
        return answer.data.token;
    }

    async ok(path, body) {
        const answer = await this.call(path, body);
        if (answer.status.code !== 'OK') {
            throw new Error(`${path} answered ${JSON.stringify(answer.status)}`);
        }
        return answer.data;
    }

    /** The page's Example 1, as written, with a real token: lead 69 is won, Competitor 2 added, 1 removed. */
    replayExample1(token) {
        const example = JSON.parse(readFileSync(join(app, 'src/test/resources/examples/example-1-request.json'),
            'utf8'));
        return this.ok('/leads/update', { ...example, token });
    }

    update(token, number, changes) {
        return this.ok('/leads/update', { token, lead_identifier: { number }, ...changes });
    }
}
