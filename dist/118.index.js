export const id = 118;
export const ids = [118];
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

/***/ 8118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsLogger: () => (/* binding */ actionsLogger),
/* harmony export */   loggerFor: () => (/* binding */ loggerFor),
/* harmony export */   plainLogger: () => (/* binding */ plainLogger)
/* harmony export */ });
/* harmony import */ var _actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9635);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _platform_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1245);
// @actions/core's own command modules, not its index: the index also loads the OIDC client and
// with it undici (1 MB of code), which costs every step ~70 ms of start-up and is never used
// here (tsconfig `paths` reach past the package's `exports`; docs/runners.md, "Start-up").



/** Inside a runner: workflow commands (groups, annotations, masking), as @actions/core issues them. */
const actionsLogger = {
    debug: (message) => (0,_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('debug', {}, message),
    info: (message) => process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL),
    warning: (message) => (0,_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('warning', {}, message),
    error: (message) => (0,_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('error', {}, message),
    group: async (title, fn) => {
        (0,_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issue */ .s)('group', title);
        try {
            return await fn();
        }
        finally {
            (0,_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issue */ .s)('endgroup');
        }
    },
    mask: (secret) => (0,_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('add-mask', {}, secret),
};
/**
 * Outside a runner (the CLI form): plain lines, and masking done here, since no runner is there
 * to hide secrets.
 */
function plainLogger(write = (line) => process.stdout.write(`${line}\n`)) {
    const secrets = new Set();
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
            if (secret)
                secrets.add(secret);
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
    const runner = (0,_platform_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .detectRunner */ .q)(env);
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
