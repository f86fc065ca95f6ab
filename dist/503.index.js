export const id = 503;
export const ids = [503];
export const modules = {

/***/ 1245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ detectRunner)
/* harmony export */ });
function detectRunner(env) {
    // Order matters: Forgejo also sets GITEA_ACTIONS, and act and the forges also set GITHUB_ACTIONS.
    if (env.FORGEJO_ACTIONS === 'true')
        return 'forgejo';
    if (env.GITEA_ACTIONS === 'true')
        return 'gitea';
    if (env.ACT === 'true')
        return 'act';
    if (env.GITHUB_ACTIONS === 'true')
        return 'github';
    return 'local';
}


/***/ }),

/***/ 5503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionsLogger: () => (/* binding */ actionsLogger),
  loggerFor: () => (/* binding */ loggerFor),
  plainLogger: () => (/* binding */ plainLogger)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __webpack_require__(9635);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/platform/runner.ts
var platform_runner = __webpack_require__(1245);
;// CONCATENATED MODULE: ./src/runtime/secret-forms.ts
/**
 * The forms in which a server can plausibly echo a secret it was sent: a registry or token server
 * that quotes the request back in an error body may quote it URL-encoded (a query or a form body),
 * base64-encoded (an Authorization header, an auth file) or JSON-escaped. Each form is masked like
 * the secret itself; callers that hold a user name register the `user:password` pair, whose base64
 * form is the Basic credential. (docs/runners.md, "Masked secrets")
 */
function secretForms(secret) {
    if (!secret)
        return [];
    // The encodings of a secret this short are two to four characters: masking them would garble
    // every log, and a secret this short is no secret to begin with.
    if (secret.length < MIN_ENCODED_LENGTH)
        return [secret];
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    const forms = [
        secret,
        encodeURIComponent(secret),
        // application/x-www-form-urlencoded (token requests): spaces as `+`, `!'()*~` escaped.
        new URLSearchParams({ s: secret }).toString().slice(2),
        JSON.stringify(secret).slice(1, -1),
        base64,
        // Without its padding too: an echo may drop it (JWT-style encoders do).
        base64.replace(/=+$/, ''),
        Buffer.from(secret, 'utf8').toString('base64url'),
    ];
    // Longest first: a shorter form inside a longer one must not leave half of the longer visible.
    return [...new Set(forms)].filter((form) => form !== '').sort((a, b) => b.length - a.length);
}
const MIN_ENCODED_LENGTH = 4;

;// CONCATENATED MODULE: ./src/runtime/logger.ts
// @actions/core's own command modules, not its index: the index also loads the OIDC client and
// with it undici (1 MB of code), which costs every step ~70 ms of start-up and is never used
// here (tsconfig `paths` reach past the package's `exports`; docs/runners.md, "Start-up").




/**
 * GitHub's runner decodes the %0A a multi-line annotation is written with; act (and the Gitea and
 * Forgejo runners built on it) print it literally: there the first line is the annotation and the
 * rest follow as plain lines.
 */
function annotate(kind, message) {
    const [first, ...rest] = message.split('\n');
    if (rest.length === 0 || (0,platform_runner/* detectRunner */.q)(process.env) === 'github')
        return (0,command/* issueCommand */.L)(kind, {}, message);
    (0,command/* issueCommand */.L)(kind, {}, first);
    for (const line of rest)
        process.stdout.write(line + external_node_os_.EOL);
}
/** Inside a runner: workflow commands (groups, annotations, masking), as @actions/core issues them. */
const actionsLogger = {
    debug: (message) => (0,command/* issueCommand */.L)('debug', {}, message),
    info: (message) => process.stdout.write(message + external_node_os_.EOL),
    warning: (message) => annotate('warning', message),
    error: (message) => annotate('error', message),
    group: async (title, fn) => {
        (0,command/* issue */.s)('group', title);
        try {
            return await fn();
        }
        finally {
            (0,command/* issue */.s)('endgroup');
        }
    },
    // act (Gitea's and Forgejo's runners) masks only the exact text given: every form a server may echo is named.
    mask: (secret) => {
        for (const form of secretForms(secret))
            (0,command/* issueCommand */.L)('add-mask', {}, form);
    },
};
/**
 * Outside a runner (the CLI form): plain lines, and masking done here, since no runner is there
 * to hide secrets.
 */
function plainLogger(write = (line) => process.stdout.write(`${line}\n`)) {
    let secrets = [];
    const hide = (text) => {
        let out = text;
        for (const secret of secrets)
            out = out.split(secret).join('***');
        return out;
    };
    return {
        debug: (message) => {
            if (process.env.RUNNER_DEBUG === '1')
                write(hide(`debug: ${message}`));
        },
        info: (message) => write(hide(message)),
        warning: (message) => write(hide(`warning: ${message}`)),
        error: (message) => write(hide(`error: ${message}`)),
        group: async (title, fn) => {
            write(hide(`== ${title}`));
            return fn();
        },
        mask: (secret) => {
            // Longest first, across every secret: a secret inside another's encoded form must not split it.
            secrets = [...new Set([...secrets, ...secretForms(secret)])].sort((a, b) => b.length - a.length);
        },
    };
}
/**
 * act (0.2.89) does not know `::group::`/`::endgroup::` and prints them as unknown commands: there
 * a group is a plain title line (docs/runners.md, "What the real runners showed").
 */
const actLogger = {
    ...actionsLogger,
    group: async (title, fn) => {
        actionsLogger.info(`== ${title}`);
        return fn();
    },
};
function loggerFor(env) {
    const runner = (0,platform_runner/* detectRunner */.q)(env);
    if (runner === 'local')
        return plainLogger();
    return runner === 'act' ? actLogger : actionsLogger;
}


/***/ }),

/***/ 9635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ issueCommand),
/* harmony export */   s: () => (/* binding */ issue)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4679);


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 4679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ toCommandValue)
/* harmony export */ });
/* unused harmony export toCommandProperties */
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ })

};
