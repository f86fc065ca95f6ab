export const id = 183;
export const ids = [183];
export const modules = {

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createExec: () => (/* binding */ createExec),
/* harmony export */   stopChildren: () => (/* binding */ stopChildren)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1955);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3190);




const KEEP_STDERR_LINES = 8;
const MAX_CAPTURE = 16 * 1024 * 1024;
/**
 * The process runner of a run: @actions/exec, without a shell (argv items stay items, whatever
 * they contain), quiet (the argv goes to the debug log; secrets never go in argv), stdout kept up
 * to 16 MiB, and the last stderr lines kept for the error a failure raises.
 */
function createExec(logger) {
    return async (file, args, options = {}) => {
        const tool = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file);
        logger.debug(`run: ${[file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`);
        const stdout = [];
        let stdoutSize = 0;
        let stderr = '';
        const tail = [];
        let code;
        try {
            code = await _actions_exec__WEBPACK_IMPORTED_MODULE_2__/* .exec */ .m(file, [...args], {
                cwd: options.cwd,
                env: definedOnly(options.env ?? process.env),
                // Only a child that reads stdin gets it: ending the stdin of one that exited at once
                // (git log) raises EPIPE on a socket nobody listens to, which ends the process.
                ...(options.input !== undefined && { input: Buffer.from(options.input) }),
                silent: true,
                ignoreReturnCode: true,
                listeners: {
                    stdout: (data) => {
                        if (stdoutSize < MAX_CAPTURE)
                            stdout.push(data);
                        stdoutSize += data.length;
                    },
                    stderr: (data) => {
                        if (stderr.length < MAX_CAPTURE)
                            stderr += data.toString('utf8');
                    },
                    stdline: (line) => options.onLine?.(line),
                    errline: (line) => {
                        options.onLine?.(line);
                        if (!line.trim())
                            return;
                        tail.push(line.trim());
                        if (tail.length > KEEP_STDERR_LINES)
                            tail.shift();
                    },
                },
            });
        }
        catch (error) {
            // @actions/exec looks the tool up on PATH before it starts it.
            if (/Unable to locate executable file/.test(error.message))
                throw new _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .c(tool, undefined, [], `${tool} was not found on PATH`);
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .c(tool, undefined, [error.message]);
        }
        const result = { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr };
        if (code !== 0 && !options.allowFailure)
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .c(tool, code, tail);
        return result;
    };
}
function definedOnly(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
/**
 * Stops the processes this one started (engines, skopeo, credential helpers): an interrupted run
 * must not leave them working, or pushing, alone. @actions/exec keeps no handle on its children,
 * so they are found by their parent pid (Linux /proc; elsewhere nothing is found).
 */
function stopChildren() {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)('/proc').filter((name) => /^\d+$/.test(name));
    }
    catch {
        return;
    }
    for (const pid of entries) {
        try {
            // The fields after the ")" that ends the command name: state, then the parent pid.
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (parent === process.pid)
                process.kill(Number(pid), 'SIGTERM');
        }
        catch {
            // Gone meanwhile.
        }
    }
}


/***/ }),

/***/ 6183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveSpeculativeRegistry: () => (/* binding */ serveSpeculativeRegistry)
});

// EXTERNAL MODULE: ./src/commands/run-session.ts + 3 modules
var run_session = __webpack_require__(6315);
// EXTERNAL MODULE: ./src/runtime/exec.ts
var exec = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/speculative/config.ts
var speculative_config = __webpack_require__(9265);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/speculative/server.ts




function speculativeRegistry(session, repositories, log) {
    const byPath = new Map(repositories.map((r) => [r.path, r]));
    const manifests = new Map();
    /** The first source that has the manifest; undefined when none has it. */
    const manifestOf = (repository, digest) => {
        const key = `${repository.path}@${digest}`;
        if (!manifests.has(key)) {
            const found = firstOf(repository.sources, (s) => session.client(s.registry).getManifest(s.repository, digest));
            manifests.set(key, found);
            found.catch(() => manifests.delete(key));
        }
        return manifests.get(key);
    };
    const answer = async (request, response) => {
        const head = request.method === 'HEAD';
        if (!head && request.method !== 'GET')
            return fail(response, 405, 'UNSUPPORTED', 'this registry is read-only');
        const path = new URL(request.url ?? '/', 'http://speculative').pathname;
        if (path === '/v2/' || path === '/v2')
            return send(response, 200, { 'content-type': 'application/json' }, head, Buffer.from('{}'));
        const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
        const repository = match ? byPath.get(match[1]) : undefined;
        if (!match || !repository)
            return fail(response, 404, 'NAME_UNKNOWN', 'not an image of the change');
        const [, , kind, reference] = match;
        if (kind === 'manifests') {
            const digest = (0,registry_reference/* isDigest */.Bc)(reference) ? reference : Object.hasOwn(repository.tags, reference) ? repository.tags[reference] : undefined;
            if (!digest)
                return fail(response, 404, 'MANIFEST_UNKNOWN', `${reference} is not a tag the change built`);
            const manifest = await manifestOf(repository, digest);
            if (!manifest)
                return fail(response, 404, 'MANIFEST_UNKNOWN', `${digest} is not in the change's repositories`);
            if (!(0,registry_reference/* isDigest */.Bc)(reference))
                log(`${repository.prefix}:${reference} -> ${digest}`);
            return send(response, 200, { 'content-type': manifest.mediaType, 'docker-content-digest': manifest.digest, 'content-length': manifest.bytes.length }, head, manifest.bytes);
        }
        return serveBlob(session, repository, reference, head, response);
    };
    const server = (0,external_node_http_.createServer)((request, response) => {
        answer(request, response).catch((error) => {
            const message = error instanceof Error ? error.message : String(error);
            // The path holds the job's key: the log names the request by its kind only.
            log(`${request.method} ${/\/(manifests|blobs)\/[^/]+$/.exec(request.url ?? '')?.[0] ?? 'request'}: ${message}`);
            if (!response.headersSent)
                fail(response, 502, 'UNAVAILABLE', message);
            else
                response.destroy();
        });
    });
    return { server, preload: () => preloadManifests(repositories, manifestOf) };
}
/** Every tag's manifest and, for an index, its platform manifests, through `manifestOf` (which keeps them); what is missing. */
async function preloadManifests(repositories, manifestOf) {
    const missing = [];
    const load = async (repository, digest, name, child) => {
        const manifest = await manifestOf(repository, digest);
        if (!manifest) {
            missing.push(`${name} (${digest}) is in none of ${repository.sources.map((s) => (0,registry_reference/* refName */.P7)(s)).join(', ')}`);
            return;
        }
        if (child)
            return;
        const children = JSON.parse(manifest.bytes.toString('utf8')).manifests ?? [];
        await Promise.all(children.map((c) => load(repository, c.digest, `${name} ${c.digest}`, true)));
    };
    await Promise.all(repositories.flatMap((repository) => Object.entries(repository.tags).map(([tag, digest]) => load(repository, digest, `${repository.prefix}:${tag}`, false))));
    return missing;
}
/** A blob of the change's images, streamed from the first source that has it. */
async function serveBlob(session, repository, digest, head, response) {
    if (!(0,registry_reference/* isDigest */.Bc)(digest))
        return fail(response, 400, 'DIGEST_INVALID', `${digest} is not a digest`);
    const unknown = () => fail(response, 404, 'BLOB_UNKNOWN', `${digest} is not in the change's repositories`);
    if (head) {
        const size = await firstOf(repository.sources, (s) => session.client(s.registry).headBlob(s.repository, digest));
        if (size === undefined)
            return unknown();
        return send(response, 200, { 'content-length': size, 'docker-content-digest': digest }, true);
    }
    const blob = await firstOf(repository.sources, (s) => session.client(s.registry).getBlob(s.repository, digest));
    if (!blob)
        return unknown();
    const length = blob.headers['content-length'];
    response.writeHead(200, {
        'docker-distribution-api-version': 'registry/2.0',
        'content-type': 'application/octet-stream',
        'docker-content-digest': digest,
        ...(length !== undefined && { 'content-length': length }),
    });
    await (0,promises_.pipeline)(blob.body, response);
}
/** The first source's answer; undefined when every source answers 404 (or nothing). */
async function firstOf(sources, ask) {
    let failure;
    for (const source of sources) {
        try {
            const found = await ask(source);
            if (found !== undefined)
                return found;
        }
        catch (error) {
            if (!(error instanceof errors/* RegistryError */.gl && error.status === 404))
                failure ??= error;
        }
    }
    if (failure)
        throw failure;
    return undefined;
}
function send(response, status, headers, head, body) {
    response.writeHead(status, { 'docker-distribution-api-version': 'registry/2.0', ...headers });
    response.end(head ? undefined : body);
}
function fail(response, status, code, message) {
    const body = Buffer.from(JSON.stringify({ errors: [{ code, message }] }));
    send(response, status, { 'content-type': 'application/json', 'content-length': body.length }, false, body);
}

;// CONCATENATED MODULE: ./src/speculative/serve.ts




/**
 * The speculative registry's own process (docs/speculative.md): reads its configuration from
 * standard input, listens on a loopback port, prints that port once, then logs to standard error
 * (a file in the runner's temporary directory) until its lifetime ends or the runner stops it.
 */
async function serveSpeculativeRegistry() {
    const config = JSON.parse(await readAll(process.stdin));
    const line = (text) => process.stderr.write(`${new Date().toISOString()} ${text}\n`);
    const logger = {
        debug() { },
        info: line,
        warning: line,
        error: line,
        group: (_title, fn) => fn(),
        mask() { },
    };
    const { session } = (0,run_session/* openRunSession */.I)({
        credentials: new Map(),
        logins: new Map(config.logins),
        env: process.env,
        exec: (0,exec.createExec)(logger),
        logger,
        transport: { insecureRegistries: config.insecureRegistries, ca: config.ca },
    });
    const { server, preload } = speculativeRegistry(session, config.repositories, line);
    const missing = await preload();
    if (missing.length) {
        for (const problem of missing)
            line(`missing: ${problem}`);
        session.close();
        process.exit(1);
    }
    const stop = (why) => {
        line(`stopping: ${why}`);
        session.close();
        server.close();
        process.exit(0);
    };
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'])
        process.once(signal, () => stop(signal));
    setTimeout(() => stop(`its lifetime of ${Math.round(config.lifetimeMs / 60_000)} min ended`), config.lifetimeMs);
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    line(`serving ${config.repositories.map((r) => r.prefix).join(', ')} on 127.0.0.1:${port}`);
    process.stdout.write(`${speculative_config/* READY_PREFIX */.F}127.0.0.1:${port}\n`);
}
async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}


/***/ })

};
